using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FastTrack.Core.Errors;
using Sylvan.Data.Csv;

namespace FastTrack.Core.UsageReports;

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
    private readonly long _start;
    private readonly CsvDataReader _reader;
    private readonly FieldSpan? _fieldSpan;
    private readonly int _headerLines = 1;
    private char[] _field = new char[256];
    private long _row;

    /// <summary>The buffer a report is read with, in characters (and the StreamReader's, in bytes).</summary>
    public const int ReadingBufferChars = 64 * 1024;

    /// <param name="bufferChars">The reader's first buffer (it grows for a longer row): <see cref="ReadingBufferChars"/>
    /// to read a report; a few KB to look at its header and first row, which then allocates no large object (two a
    /// file made a folder's measurement collect its whole heap twice).</param>
    public CsvReportRows(Stream stream, string sourceName, int bufferChars = ReadingBufferChars)
    {
        _stream = stream;
        _start = stream.CanSeek ? stream.Position : -1;
        SourceName = sourceName;
        try
        {
            _reader = CsvDataReader.Create(Text(stream, leaveOpen: false, bufferChars), Options(bufferChars));
        }
        catch (CsvMissingHeadersException)
        {
            throw ReportErrors.ReportHeaderMissing(sourceName).ToException();
        }
        catch (CsvFormatException ex)
        {
            // Sylvan reads the header and the first row here: row 0 is the header, row 1 follows it.
            throw Translate(ex, ex.RowNumber <= 0 ? 0 : 1, null);
        }
        catch (IOException ex)
        {
            throw ReportErrors.ReportFileUnreadable(sourceName, ex).ToException();
        }
        if (GetFieldSpan is { } lend) _fieldSpan = (FieldSpan)Delegate.CreateDelegate(typeof(FieldSpan), _reader, lend);
        var names = Enumerable.Range(0, _reader.FieldCount).Select(i => _reader.GetName(i)).ToArray();
        Headers = names.Select(n => n.Trim()).ToArray();
        // One line, unless a quoted column name holds a line break.
        _headerLines = 1 + names.Sum(n => LineBreaks(n.AsSpan()));
    }

    public string SourceName { get; }
    public IReadOnlyList<string> Headers { get; }
    public long Row => _row;
    public int FieldCount => _reader.RowFieldCount;
    public long BytesRead => _stream.CanSeek ? _stream.Position : 0;

    public string Where(long row) => $"{LineName(row)} of '{SourceName}'";

    public string LineName(long row) => PhysicalLine(row) is { } line ? $"line {line}" : $"row {row}";

    public bool Read()
    {
        try
        {
            if (!_reader.Read()) return false;
        }
        catch (CsvFormatException ex)
        {
            throw Translate(ex, _row + 1, Headers);
        }
        catch (IOException ex)
        {
            throw ReportErrors.ReportFileUnreadable(SourceName, ex).ToException();
        }
        _row++;
        return true;
    }

    public string? Get(int ordinal) => (uint)ordinal < (uint)_reader.RowFieldCount ? _reader.GetString(ordinal) : null;

    // Sylvan's builds for .NET Standard 2.1 and .NET 6 lend a field as a span over their own buffer (GetFieldSpan);
    // its .NET Standard 2.0 build, which this assembly compiles against, only copies a field out (GetChars). Where
    // the Sylvan loaded lends, the field is not copied: the copies were half of the wide report's scan (ten fields a
    // row), and the reason it read slower than the floor (bench/README.md, issue 18).
    private delegate ReadOnlySpan<char> FieldSpan(int ordinal);

    private static readonly System.Reflection.MethodInfo? GetFieldSpan =
        typeof(CsvDataReader).GetMethod("GetFieldSpan", new[] { typeof(int) }) is { } method && method.ReturnType == typeof(ReadOnlySpan<char>) ? method : null;

    /// <summary>The field's characters, valid until the next field is asked for or the next row read.</summary>
    public ReadOnlySpan<char> Span(int ordinal)
    {
        if ((uint)ordinal >= (uint)_reader.RowFieldCount) return ReadOnlySpan<char>.Empty;
        if (_fieldSpan is { } lent) return lent(ordinal);
        // Copied into a reused buffer: in one call unless the field fills the buffer (then it may be longer: its
        // length is asked, and the buffer grown).
        var length = (int)_reader.GetChars(ordinal, 0, _field, 0, _field.Length);
        if (length == _field.Length)
        {
            length = (int)_reader.GetChars(ordinal, 0, null, 0, 0);
            if (length > _field.Length)
            {
                _field = new char[Math.Max(length, _field.Length * 2)];
                _reader.GetChars(ordinal, 0, _field, 0, length);
            }
        }
        return new ReadOnlySpan<char>(_field, 0, length);
    }

    public string? ValueAt(long row, int ordinal) =>
        ReadAgain(row, (reader, _) => reader.Read() && ordinal < reader.RowFieldCount ? reader.GetString(ordinal) : null);

    /// <summary>The physical line where a row starts (the header's is 1), or null when the stream cannot be read
    /// again. Counted for every row, the raw records' copies doubled the time of a scan; so the file is read
    /// again up to the row, by the same parser, only when a message names a line.</summary>
    private long? PhysicalLine(long row)
    {
        if (row <= 0) return 1;
        if (row == 1) return _headerLines + 1;
        return ReadAgain(row, (_, line) => (long?)line);
    }

    // Reads the file again up to the row, counting lines, and asks the reader there; the scan's position is kept.
    private T? ReadAgain<T>(long row, Func<CsvDataReader, long, T?> at)
    {
        if (_start < 0) return default;
        var position = _stream.Position;
        try
        {
            _stream.Position = _start;
            using var again = CsvDataReader.Create(Text(_stream, leaveOpen: true, ReadingBufferChars), Options(ReadingBufferChars));
            var line = (long)_headerLines + 1;
            var raw = new char[1024];
            for (var r = 1; r < row; r++)
            {
                if (!again.Read()) return default;
                var length = again.GetRawRecord(null!, 0);
                if (length > raw.Length) raw = new char[Math.Max(length, raw.Length * 2)];
                again.GetRawRecord(raw, 0);
                line += LineBreaks(new ReadOnlySpan<char>(raw, 0, length)); // its line ending included
            }
            return at(again, line);
        }
        catch (Exception ex) when (ex is CsvFormatException || ex is IOException)
        {
            return default;
        }
        finally
        {
            _stream.Position = position;
        }
    }

    private static TextReader Text(Stream stream, bool leaveOpen, int bufferBytes) =>
        new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: bufferBytes, leaveOpen: leaveOpen);

    private static CsvDataReaderOptions Options(int bufferChars) => new() { HasHeaders = true, BufferSize = bufferChars, MaxBufferSize = MaxRowChars };

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

    private FtException Translate(CsvFormatException ex, long row, IReadOnlyList<string>? headers)
    {
        var column = headers is not null && ex.FieldOrdinal >= 0 && ex.FieldOrdinal < headers.Count ? $"'{headers[ex.FieldOrdinal]}'" : $"{ex.FieldOrdinal + 1}";
        return ex switch
        {
            CsvRecordTooLargeException => ReportErrors.ReportRowTooLarge(SourceName, Where(row), MaxRowChars).ToException(),
            // Sylvan names the quote itself only when the input ends inside a quoted field: a file cut off.
            CsvInvalidCharacterException { InvalidCharacter: '"' } => ReportErrors.ReportTruncated(SourceName, Where(row), column).ToException(),
            CsvInvalidCharacterException bad => ReportErrors.ReportRowMalformed(SourceName, Where(row),
                $"has '{bad.InvalidCharacter}' after the closing quote of column {column}, where a comma or the end of the line belongs").ToException(),
            _ => ReportErrors.ReportRowMalformed(SourceName, Where(row), $"is not valid CSV (column {column}): {ex.Message}").ToException(),
        };
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
