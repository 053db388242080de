using System;
using FastTrack.Core.Errors;

namespace FastTrack.Core.Usage;

/// <summary>An error a source raises from a report's stream after the scan began: a live source streams the
/// report to the scanner while it is downloaded, so a download that fails for good (cut off after every retry,
/// past its deadline) is known only once rows were read. It is still the source failing to give that report:
/// like a refused download, it fails the services that need the report, never the whole measurement, and the
/// rows read before it count for nothing.</summary>
public static class ReportInterruption
{
    /// <summary>The exception a report's stream throws for <paramref name="error"/> (the source's own error).</summary>
    public static FtException Raise(FtError error) => error.ToException(new Marker());

    /// <summary>Whether <paramref name="exception"/> is a source's failure to finish giving a report.</summary>
    public static bool Is(FtException exception) => exception.InnerException is Marker;

    private sealed class Marker : Exception
    {
        public Marker() : base("The source stopped giving the report after its first bytes were read.") { }
    }
}
