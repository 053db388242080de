using System;

namespace FastTrack.Core.Graph;

/// <summary>Limits of the live source: retries, deadlines, and where diagnostics go (-Verbose).</summary>
public sealed class GraphOptions
{
    public RetryPolicy Retry { get; set; } = new();
    /// <summary>Deadline of one report download, body included.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>Report downloads of one connection at once. A measurement asks for up to nine reports; four at
    /// once hide the round trips of the others while they share the tenant's bandwidth, which more would not
    /// add to. Graph's budget (14 calls per 10 minutes per report API) is kept by <see cref="ReportBudget"/>.</summary>
    public int MaxReportsInFlight { get; set; } = 4;
    /// <summary>Deadline of one small call (organization, subscribedSkus, reportSettings).</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(100);
    /// <summary>Receives one line per retry and download; lines never hold a token or a download URL.</summary>
    public Action<string>? Log { get; set; }
    /// <summary>The time: when a connection was made, and which day's cached report is today's.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = Time.SystemClock.Now;

    /// <summary>A copy with another log.</summary>
    internal GraphOptions With(Action<string>? log) => new()
    {
        Retry = Retry,
        MaxReportsInFlight = MaxReportsInFlight,
        DownloadTimeout = DownloadTimeout,
        CallTimeout = CallTimeout,
        Log = log,
        Clock = Clock,
    };
}
