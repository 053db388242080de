using System;
using System.Collections.Generic;
using System.Linq;

namespace FastTrack.Core.UsageReports;

/// <summary>Rows that arrive as name/value pairs (Import-Csv objects piped to the cmdlet). The first row's names
/// are the header. A name missing from a row, or null in it, is a field the row does not have: Import-Csv gives
/// $null for the fields a cut-off last line lacks, and an empty field is "", never null.</summary>
internal sealed class DictionaryReportRows : IReportRows
{
    private readonly IEnumerable<IReadOnlyDictionary<string, string?>> _all;
    private readonly IEnumerator<IReadOnlyDictionary<string, string?>> _rows;
    private readonly string[] _headers;
    private IReadOnlyDictionary<string, string?>? _current;
    private long _row;
    private int _fieldCount;

    public DictionaryReportRows(IReadOnlyDictionary<string, string?> first, IEnumerable<IReadOnlyDictionary<string, string?>> rest, string sourceName)
    {
        _headers = first.Keys.Select(k => k.Trim().TrimStart('\uFEFF')).ToArray();
        _all = new[] { first }.Concat(rest);
        _rows = _all.GetEnumerator();
        SourceName = sourceName;
    }

    public string SourceName { get; }
    public IReadOnlyList<string> Headers => _headers;
    public long Row => _row;
    public int FieldCount => _fieldCount;
    public long BytesRead => 0;

    public bool Read()
    {
        if (!_rows.MoveNext()) return false;
        _current = _rows.Current;
        _row++;
        _fieldCount = 0;
        for (var i = 0; i < _headers.Length; i++) if (Get(i) is not null) _fieldCount++;
        return true;
    }

    public string Where(long row) => $"{LineName(row)} of {SourceName}";
    public string LineName(long row) => $"row {row}";

    public ReadOnlySpan<char> Span(int ordinal) => Get(ordinal).AsSpan();

    public string? Get(int ordinal) => _current is null ? null : Value(_current, ordinal);

    // The rows piped in are held in a list by the cmdlet: enumerating them again names an earlier row.
    public string? ValueAt(long row, int ordinal) => _all.Skip((int)(row - 1)).FirstOrDefault() is { } values ? Value(values, ordinal) : null;

    private string? Value(IReadOnlyDictionary<string, string?> values, int ordinal)
    {
        var name = _headers[ordinal];
        if (values.TryGetValue(name, out var value)) return value;
        // Import-Csv keeps the BOM on the first header when the file was read without it.
        return values.FirstOrDefault(p => string.Equals(p.Key.Trim().TrimStart('\uFEFF'), name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    public void Dispose() => _rows.Dispose();
}
