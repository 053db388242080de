using System;
using System.Collections.Generic;

namespace FastTrack.Core.Usage.Reports;

/// <summary>The rows of one report, read forward once, from a CSV file or from objects piped in.</summary>
internal interface IReportRows : IDisposable
{
    /// <summary>Names the report in error messages: a file path, or "pipeline input".</summary>
    string SourceName { get; }
    IReadOnlyList<string> Headers { get; }
    /// <summary>The line of the current row in the file (the header is line 1).</summary>
    long Line { get; }
    int FieldCount { get; }
    long BytesRead { get; }
    bool Read();
    string? Get(int ordinal);
    /// <summary>The field without allocating a string: the per-row hot path reads this.</summary>
    ReadOnlySpan<char> Span(int ordinal);
}
