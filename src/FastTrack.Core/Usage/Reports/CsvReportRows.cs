using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FastTrack.Core.Errors;
using Sylvan.Data.Csv;

namespace FastTrack.Core.Usage.Reports;

/// <summary>A report CSV streamed through Sylvan.Data.Csv: one row in memory at a time. The UTF-8 BOM
/// Graph writes is consumed by the StreamReader; quoting follows RFC 4180. Whatever Sylvan or the stream
/// throws becomes an error naming the file and the physical line where the row starts.</summary>
internal sealed class CsvReportRows : IReportRows
{
    /// <summary>The longest row read, in characters. Graph's rows are a few hundred; Sylvan starts with a 64K
    /// buffer and grows it only for a longer row. A longer one is damage (often a quote never closed, which
    /// makes the rest of the file one field), refused by name rather than read into memory.</summary>
    public const int MaxRowChars = 1024 * 1024;

    private readonly Stream _stream;
    private readonly CsvDataReader _reader;
    private char[] _field = new char[256];
    private char[] _raw = new char[1024];
    private long _nextLine;

    public CsvReportRows(Stream stream, string sourceName)
    {
        _stream = stream;
        SourceName = sourceName;
        var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        try
        {
            _reader = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, BufferSize = 64 * 1024, MaxBufferSize = MaxRowChars });
        }
        catch (CsvMissingHeadersException)
        {
            throw ReportErrors.HeaderMissing(sourceName);
        }
        catch (CsvFormatException ex)
        {
            // Sylvan reads the header and the first row here: row 0 is the header (line 1), row 1 follows it.
            throw Translate(ex, ex.RowNumber <= 0 ? 1 : 2, null);
        }
        catch (IOException ex)
        {
            throw ReportErrors.FileUnreadable(sourceName, ex);
        }
        var names = Enumerable.Range(0, _reader.FieldCount).Select(i => _reader.GetName(i)).ToArray();
        Headers = names.Select(n => n.Trim()).ToArray();
        // The header is line 1, unless a quoted column name holds a line break.
        _nextLine = 2 + names.Sum(n => LineBreaks(n.AsSpan()));
    }

    public string SourceName { get; }
    public IReadOnlyList<string> Headers { get; }
    public long Line { get; private set; } = 1;
    public int FieldCount => _reader.RowFieldCount;
    public long BytesRead => _stream.CanSeek ? _stream.Position : 0;

    public string Where(long line) => $"{LineName(line)} of '{SourceName}'";
    public string LineName(long line) => $"line {line}";

    public bool Read()
    {
        Line = _nextLine;
        try
        {
            if (!_reader.Read()) return false;
        }
        catch (CsvFormatException ex)
        {
            throw Translate(ex, Line, Headers);
        }
        catch (IOException ex)
        {
            throw ReportErrors.FileUnreadable(SourceName, ex);
        }
        _nextLine = Line + LineBreaks(RawRecord());
        return true;
    }

    public string? Get(int ordinal) => (uint)ordinal < (uint)_reader.RowFieldCount ? _reader.GetString(ordinal) : null;

    // Sylvan's netstandard2.0 build has no GetFieldSpan: GetChars copies the field into a reused buffer.
    public ReadOnlySpan<char> Span(int ordinal)
    {
        if ((uint)ordinal >= (uint)_reader.RowFieldCount) return ReadOnlySpan<char>.Empty;
        var length = (int)_reader.GetChars(ordinal, 0, null, 0, 0);
        if (length > _field.Length) _field = new char[Math.Max(length, _field.Length * 2)];
        _reader.GetChars(ordinal, 0, _field, 0, length);
        return new ReadOnlySpan<char>(_field, 0, length);
    }

    // The row as it was in the file, its line ending included: what tells the next row's line.
    private ReadOnlySpan<char> RawRecord()
    {
        var length = _reader.GetRawRecord(null!, 0);
        if (length > _raw.Length) _raw = new char[Math.Max(length, _raw.Length * 2)];
        _reader.GetRawRecord(_raw, 0);
        return new ReadOnlySpan<char>(_raw, 0, length);
    }

    /// <summary>Line breaks as an editor counts them: \r\n, \n or a lone \r.</summary>
    private static int LineBreaks(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = text.IndexOfAny('\r', '\n'); i >= 0; i = text.IndexOfAny('\r', '\n'))
        {
            count++;
            var next = i + 1;
            if (text[i] == '\r' && next < text.Length && text[next] == '\n') next++;
            text = text.Slice(next);
        }
        return count;
    }

    private FtException Translate(CsvFormatException ex, long line, IReadOnlyList<string>? headers)
    {
        var column = headers is not null && ex.FieldOrdinal >= 0 && ex.FieldOrdinal < headers.Count ? $"'{headers[ex.FieldOrdinal]}'" : $"{ex.FieldOrdinal + 1}";
        return ex switch
        {
            CsvRecordTooLargeException => ReportErrors.RowTooLarge(SourceName, Where(line), MaxRowChars),
            // Sylvan names the quote itself only when the input ends inside a quoted field: a file cut off.
            CsvInvalidCharacterException { InvalidCharacter: '"' } => ReportErrors.Truncated(SourceName, Where(line), column),
            CsvInvalidCharacterException bad => ReportErrors.RowMalformed(SourceName, Where(line),
                $"has '{bad.InvalidCharacter}' after the closing quote of column {column}, where a comma or the end of the line belongs"),
            _ => ReportErrors.RowMalformed(SourceName, Where(line), $"is not valid CSV (column {column}): {ex.Message}"),
        };
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
