using System;
using FastTrack.Core.Errors;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Sylvan.Data.Csv;

namespace FastTrack.Core.Usage.Reports;

/// <summary>A report CSV streamed through Sylvan.Data.Csv: one row in memory at a time. The UTF-8 BOM
/// Graph writes is consumed by the StreamReader; quoting follows RFC 4180.</summary>
internal sealed class CsvReportRows : IReportRows
{
    private readonly Stream _stream;
    private readonly CsvDataReader _reader;
    private long _row;
    private char[] _field = new char[256];

    public CsvReportRows(Stream stream, string sourceName)
    {
        _stream = stream;
        SourceName = sourceName;
        var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
        try
        {
            _reader = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, BufferSize = 64 * 1024 });
        }
        catch (CsvMissingHeadersException)
        {
            throw new FtError("ReportHeaderMissing", FtErrorKind.InvalidData, sourceName,
                $"'{sourceName}' is empty: a usage report has at least its header row. Export it again.").ToException();
        }
        Headers = Enumerable.Range(0, _reader.FieldCount).Select(i => _reader.GetName(i).Trim()).ToArray();
    }

    public string SourceName { get; }
    public IReadOnlyList<string> Headers { get; }
    public long Line => _row + 1;
    public int FieldCount => _reader.RowFieldCount;
    public long BytesRead => _stream.CanSeek ? _stream.Position : 0;

    public bool Read()
    {
        if (!_reader.Read()) return false;
        _row++;
        return true;
    }

    public string? Get(int ordinal) => ordinal < _reader.RowFieldCount ? _reader.GetString(ordinal) : null;

    // Sylvan's netstandard2.0 build has no GetFieldSpan: GetChars copies the field into a reused buffer.
    public ReadOnlySpan<char> Span(int ordinal)
    {
        if (ordinal >= _reader.RowFieldCount) return ReadOnlySpan<char>.Empty;
        var length = (int)_reader.GetChars(ordinal, 0, null, 0, 0);
        if (length > _field.Length) _field = new char[Math.Max(length, _field.Length * 2)];
        _reader.GetChars(ordinal, 0, _field, 0, length);
        return new ReadOnlySpan<char>(_field, 0, length);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
