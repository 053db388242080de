using System;
using System.Collections.Generic;
using System.Linq;

namespace FastTrack.Core.Usage.Reports;

/// <summary>Rows that arrive as name/value pairs (Import-Csv objects piped to the cmdlet). The first row's names
/// are the header. A name missing from a row, or null in it, is a field the row does not have: Import-Csv gives
/// $null for the fields a cut-off last line lacks, and an empty field is "", never null.</summary>
internal sealed class DictionaryReportRows : IReportRows
{
    private readonly IEnumerator<IReadOnlyDictionary<string, string?>> _rows;
    private readonly string[] _headers;
    private IReadOnlyDictionary<string, string?>? _current;
    private long _row;
    private int _fieldCount;

    public DictionaryReportRows(IReadOnlyDictionary<string, string?> first, IEnumerable<IReadOnlyDictionary<string, string?>> rest, string sourceName)
    {
        _headers = first.Keys.Select(k => k.Trim().TrimStart('\uFEFF')).ToArray();
        _rows = new[] { first }.Concat(rest).GetEnumerator();
        SourceName = sourceName;
    }

    public string SourceName { get; }
    public IReadOnlyList<string> Headers => _headers;
    public long Line => _row;
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

    public string Where(long line) => $"{LineName(line)} of {SourceName}";
    public string LineName(long line) => $"row {line}";

    public ReadOnlySpan<char> Span(int ordinal) => Get(ordinal).AsSpan();

    public string? Get(int ordinal)
    {
        if (_current is null) return null;
        var name = _headers[ordinal];
        if (_current.TryGetValue(name, out var value)) return value;
        // Import-Csv keeps the BOM on the first header when the file was read without it.
        return _current.FirstOrDefault(p => string.Equals(p.Key.Trim().TrimStart('\uFEFF'), name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    public void Dispose() => _rows.Dispose();
}
