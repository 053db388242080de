using FastTrack.Core.Licensing;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;

namespace FastTrack.Bench;

/// <summary>The path before issue 18, over today's source: each report downloaded whole into the cache, then
/// read from the cache file, one after another.</summary>
internal sealed class DownloadThenParse(IUsageDataSource inner) : IUsageDataSource
{
    public string Description => inner.Description;
    public Guid? TenantId => inner.TenantId;
    public string? Customer => inner.Customer;
    public IReadOnlyList<SubscribedSku>? SubscribedSkus() => inner.SubscribedSkus();

    public ReportContent? OpenReport(ReportKind kind, DateTime? asOf)
    {
        using (var downloading = inner.OpenReport(kind, asOf))
        {
            if (downloading is null) return null;
            downloading.Stream.CopyTo(Stream.Null); // returns once the body is whole and has its cache name
        }
        return inner.OpenReport(kind, asOf); // from the cache file
    }
}

/// <summary>What SourceReadings does once it asks for a measurement's reports at once (issue 18, the engine's
/// part, not in this branch): at the first ask, every report the measurement reads is asked for on a thread of
/// its own; each is handed to the scanner, in the scanner's order, as it arrives.</summary>
internal sealed class OpenedAtOnce(IUsageDataSource inner, IReadOnlyList<ReportKind> kinds) : IUsageDataSource
{
    private readonly object _gate = new();
    private Dictionary<ReportKind, Task<ReportContent?>>? _opened;

    public string Description => inner.Description;
    public Guid? TenantId => inner.TenantId;
    public string? Customer => inner.Customer;
    public IReadOnlyList<SubscribedSku>? SubscribedSkus() => inner.SubscribedSkus();

    public ReportContent? OpenReport(ReportKind kind, DateTime? asOf)
    {
        lock (_gate)
        {
            _opened ??= kinds.ToDictionary(k => k, k => Task.Factory.StartNew(() => inner.OpenReport(k, asOf),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }
        return _opened.TryGetValue(kind, out var opened) ? opened.GetAwaiter().GetResult() : inner.OpenReport(kind, asOf);
    }
}
