using System;
using System.Collections.Generic;

namespace FastTrack.Core.UsageReports;

/// <summary>The rows of one report, read forward once, from a CSV file or from objects piped in.</summary>
internal interface IReportRows : IDisposable
{
    /// <summary>Names the report in error messages: a file path, or "the report rows piped in".</summary>
    string SourceName { get; }
    IReadOnlyList<string> Headers { get; }
    /// <summary>The current row's number: 1 for the first row after the header (the first object piped in).</summary>
    long Row { get; }
    /// <summary>A row's place for messages: "line 12 of 'x.csv'" (the physical line where the row starts: the
    /// header is line 1, and a quoted field with line breaks makes a row span lines) or "row 3 of the report
    /// rows piped in". For errors only: a file may be read again to count its lines.</summary>
    string Where(long row);
    /// <summary>The same without the source: "line 12" or "row 3".</summary>
    string LineName(long row);
    /// <summary>The fields the current row has (a row cut short has fewer than the header).</summary>
    int FieldCount { get; }
    long BytesRead { get; }
    bool Read();
    /// <summary>The field, or null when the row does not have it.</summary>
    string? Get(int ordinal);
    /// <summary>A field of an earlier row, for messages only: the rows are read again up to it.</summary>
    string? ValueAt(long row, int ordinal);
    /// <summary>The field without allocating a string: the per-row hot path reads this.</summary>
    ReadOnlySpan<char> Span(int ordinal);
}
