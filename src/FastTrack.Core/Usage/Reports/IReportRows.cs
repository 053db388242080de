using System;
using System.Collections.Generic;

namespace FastTrack.Core.Usage.Reports;

/// <summary>The rows of one report, read forward once, from a CSV file or from objects piped in.</summary>
internal interface IReportRows : IDisposable
{
    /// <summary>Names the report in error messages: a file path, or "the report rows piped in".</summary>
    string SourceName { get; }
    IReadOnlyList<string> Headers { get; }
    /// <summary>Where the current row starts: the physical line in the file (the header is line 1; a quoted
    /// field with line breaks makes a row span several lines), or the number of the object piped in.</summary>
    long Line { get; }
    /// <summary>A row's place for messages: "line 12 of 'x.csv'" or "row 3 of the report rows piped in".</summary>
    string Where(long line);
    /// <summary>The same without the source: "line 12" or "row 3".</summary>
    string LineName(long line);
    /// <summary>The fields the current row has (a row cut short has fewer than the header).</summary>
    int FieldCount { get; }
    long BytesRead { get; }
    bool Read();
    /// <summary>The field, or null when the row does not have it.</summary>
    string? Get(int ordinal);
    /// <summary>The field without allocating a string: the per-row hot path reads this.</summary>
    ReadOnlySpan<char> Span(int ordinal);
}
