using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using FastTrack.Core.Errors;
using Newtonsoft.Json;

namespace FastTrack.Core.UsageReports;

/// <summary>The rows of a report Graph serves as JSON (getMicrosoft365CopilotUsageUserDetail), read forward once
/// with a streaming reader: each page is an object with a 'value' array of users and, when more follow, an
/// '@odata.nextLink'. A paged report is its pages one after another in one stream (as the Graph source caches
/// it and the sample tenant writes it); a page that says more follow must be followed by one. Each user's
/// fields are those of the definition, found by their JSON names and exposed under their CSV headers, so the
/// scanner reads JSON and CSV alike. A missing property or null is an empty field (v1.0 writes "" for a date
/// never reached, beta null); properties the module does not read, arrays and objects included, are skipped.</summary>
internal sealed class JsonReportRows : IReportRows
{
    private readonly Stream _stream;
    private readonly long _start;
    private readonly JsonTextReader _reader;
    private readonly ReportDefinition _definition;
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _headers;
    private readonly string?[] _values;
    private readonly List<long> _pageStarts = new();
    private string? _nextLink;
    private bool _inValue;
    private bool _done;
    private long _row;

    public JsonReportRows(Stream stream, string sourceName, ReportDefinition definition)
    {
        _stream = stream;
        _start = stream.CanSeek ? stream.Position : -1;
        _definition = definition;
        SourceName = sourceName;
        _headers = definition.JsonFields.Select(f => f.Header).ToArray();
        for (var i = 0; i < definition.JsonFields.Count; i++) _ordinals[definition.JsonFields[i].JsonName] = i;
        _values = new string?[_headers.Length];
        var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        // Dates stay text (the scanner reads them as ISO dates); pages follow one another in one stream.
        _reader = new JsonTextReader(text) { SupportMultipleContent = true, DateParseHandling = DateParseHandling.None, CloseInput = true };
    }

    public string SourceName { get; }
    public IReadOnlyList<string> Headers => _headers;
    public long Row => _row;
    public int FieldCount => _headers.Length;
    public long BytesRead => _stream.CanSeek ? _stream.Position : 0;
    /// <summary>Pages read so far.</summary>
    public int Pages => _pageStarts.Count;

    public string Where(long row) => $"{LineName(row)} of '{SourceName}'";

    public string LineName(long row)
    {
        if (row <= 0 || _pageStarts.Count == 0) return Position();
        var page = _pageStarts.FindLastIndex(start => start <= row);
        return page < 0 ? $"user {row}" : $"user {row - _pageStarts[page] + 1} of page {page + 1}";
    }

    public bool Read()
    {
        if (_done) return false;
        try
        {
            while (true)
            {
                if (!_inValue && !StartPage())
                {
                    _done = true;
                    return false;
                }
                var token = Next("in the 'value' array");
                if (token == JsonToken.EndArray)
                {
                    _inValue = false;
                    EndPage();
                    continue;
                }
                if (token != JsonToken.StartObject) throw Invalid(_row + 1, $"has {Describe(token)} where a user (an object) belongs in the 'value' array");
                ReadUser();
                _row++;
                return true;
            }
        }
        catch (JsonReaderException ex)
        {
            throw Invalid(_row + 1, $"is not valid JSON ({ex.Message.TrimEnd('.')})");
        }
        catch (IOException ex)
        {
            throw ReportErrors.ReportFileUnreadable(SourceName, ex).ToException();
        }
    }

    /// <summary>One page's @odata.nextLink, or null on the last page: what a download reads to know there is more. The
    /// page's users are skipped, not read.</summary>
    public static string? NextLinkOf(Stream page, string sourceName)
    {
        using var reader = new JsonTextReader(new StreamReader(page, new UTF8Encoding(false), true, 4096, leaveOpen: true)) { DateParseHandling = DateParseHandling.None };
        FtException Invalid(string problem) =>
            ReportErrors.ReportJsonInvalid(sourceName, $"a page of '{sourceName}' (line {reader.LineNumber}, position {reader.LinePosition})", problem).ToException();
        try
        {
            if (!reader.Read() || reader.TokenType != JsonToken.StartObject) throw Invalid("is not a page (an object with a 'value' array)");
            string? next = null;
            var users = false;
            while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
            {
                var name = (string)reader.Value!;
                if (!reader.Read()) break;
                if (name == "@odata.nextLink" && reader.TokenType == JsonToken.String) next = (string)reader.Value!;
                else
                {
                    users |= name == "value" && reader.TokenType == JsonToken.StartArray;
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonToken.EndObject) throw Invalid("ends before the page does: the JSON is cut off");
            if (!users) throw Invalid("is a page without a 'value' array");
            return next;
        }
        catch (JsonReaderException ex)
        {
            throw Invalid($"is not valid JSON ({ex.Message.TrimEnd('.')})");
        }
    }

    public string? Get(int ordinal) => (uint)ordinal < (uint)_values.Length ? _values[ordinal] ?? "" : null;

    public ReadOnlySpan<char> Span(int ordinal) => Get(ordinal).AsSpan();

    /// <summary>For messages only: the pages are read again from the start up to the row, when the stream can seek.</summary>
    public string? ValueAt(long row, int ordinal)
    {
        if (_start < 0 || row <= 0) return null;
        var position = _stream.Position;
        try
        {
            _stream.Position = _start;
            using var again = new JsonReportRows(_stream, SourceName, _definition); // its reader leaves the stream open
            for (var r = 0L; r < row; r++) if (!again.Read()) return null;
            return again.Get(ordinal);
        }
        catch (Exception ex) when (ex is FtException || ex is IOException)
        {
            return null;
        }
        finally
        {
            _stream.Position = position;
        }
    }

    public void Dispose() => ((IDisposable)_reader).Dispose();

    // The next page's 'value' array, or false at the end of the stream (refused when the last page said more follow).
    private bool StartPage()
    {
        if (!_reader.Read())
        {
            if (_pageStarts.Count == 0) throw ReportErrors.ReportHeaderMissing(SourceName).ToException();
            if (_nextLink is not null) throw ReportErrors.ReportPagesMissing(SourceName, _pageStarts.Count).ToException();
            return false;
        }
        if (_reader.TokenType != JsonToken.StartObject)
            throw Invalid(_row + 1, $"starts with {Describe(_reader.TokenType)} where a page (an object with a 'value' array) belongs");
        _pageStarts.Add(_row + 1);
        _nextLink = null;
        while (true)
        {
            var token = Next("in a page before its 'value' array");
            if (token == JsonToken.EndObject) throw Invalid(_row + 1, "is a page without a 'value' array");
            if (token != JsonToken.PropertyName) throw Invalid(_row + 1, $"has {Describe(token)} where a page's property belongs");
            var name = (string)_reader.Value!;
            if (name == "value")
            {
                var array = Next("after 'value'");
                if (array != JsonToken.StartArray) throw Invalid(_row + 1, $"has 'value' as {Describe(array)}, not an array of users");
                _inValue = true;
                return true;
            }
            ReadPageProperty(name);
        }
    }

    // The rest of the page after its 'value' array: Graph may write @odata.nextLink after it.
    private void EndPage()
    {
        while (true)
        {
            var token = Next("in a page after its 'value' array");
            if (token == JsonToken.EndObject) return;
            if (token != JsonToken.PropertyName) throw Invalid(_row + 1, $"has {Describe(token)} where a page's property belongs");
            var name = (string)_reader.Value!;
            if (name == "value") throw Invalid(_row + 1, "is a page with two 'value' arrays");
            ReadPageProperty(name);
        }
    }

    private void ReadPageProperty(string name)
    {
        if (name == "@odata.nextLink")
        {
            Next("after '@odata.nextLink'");
            _nextLink = _reader.TokenType == JsonToken.String ? (string?)_reader.Value : null;
            if (_reader.TokenType is JsonToken.StartObject or JsonToken.StartArray) _reader.Skip();
        }
        else
        {
            Next($"after '{name}'");
            _reader.Skip();
        }
    }

    private void ReadUser()
    {
        Array.Clear(_values, 0, _values.Length);
        while (true)
        {
            var token = Next("in a user");
            if (token == JsonToken.EndObject) return;
            if (token != JsonToken.PropertyName) throw Invalid(_row + 1, $"has {Describe(token)} where a property of the user belongs");
            var found = _ordinals.TryGetValue((string)_reader.Value!, out var ordinal);
            var value = Next($"after '{_reader.Value}'");
            switch (value)
            {
                case JsonToken.StartObject:
                case JsonToken.StartArray:
                    _reader.Skip(); // copilotActivityUserDetailsByPeriod and the like: nothing the count reads
                    break;
                case JsonToken.Null:
                    if (found) _values[ordinal] = "";
                    break;
                default:
                    if (found) _values[ordinal] = Convert.ToString(_reader.Value, CultureInfo.InvariantCulture) ?? "";
                    break;
            }
        }
    }

    // The next token; the end of the stream here is a page cut off.
    private JsonToken Next(string where)
    {
        if (!_reader.Read()) throw Invalid(_row + 1, $"ends {where}: the JSON is cut off (a download or copy that did not finish)");
        return _reader.TokenType;
    }

    private FtException Invalid(long row, string problem) => ReportErrors.ReportJsonInvalid(SourceName, $"{LineName(row)} of '{SourceName}' ({Position()})", problem).ToException();

    private string Position() => $"line {_reader.LineNumber}, position {_reader.LinePosition}";

    private static string Describe(JsonToken token) => token switch
    {
        JsonToken.StartObject => "an object",
        JsonToken.StartArray => "an array",
        JsonToken.String => "a string",
        JsonToken.Integer or JsonToken.Float => "a number",
        JsonToken.Boolean => "true or false",
        JsonToken.Null => "null",
        JsonToken.EndArray => "the end of an array",
        JsonToken.EndObject => "the end of an object",
        _ => token.ToString(),
    };
}
