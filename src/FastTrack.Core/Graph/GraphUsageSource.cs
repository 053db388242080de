using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using FastTrack.Core.Errors;
using FastTrack.Core.Usage;
using FastTrack.Core.KeyInputs;
using FastTrack.Core.Licensing;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Graph;

/// <summary>A connected tenant's reports and subscriptions from Microsoft Graph. Each report is downloaded once a
/// day into the workspace cache and read from there after; while it downloads, the scanner reads it as it
/// arrives (<see cref="ReportDownloads"/>). Safe to ask for several reports at once.</summary>
internal sealed class GraphUsageSource : IUsageDataSource, IServiceHistorySource
{
    private const string OrganizationPermission = "Organization.Read.All";
    private readonly TenantConnection _connection;
    private readonly GraphSession _session;
    private readonly ReportCache _cache;
    private readonly CancellationToken _cancellation;
    // Reports whose download failed after the scan began: asked again, the same answer, not a second download.
    private readonly ConcurrentDictionary<ReportKind, FtError> _interrupted = new();

    public GraphUsageSource(TenantConnection connection, GraphSession session, ReportCache cache, CancellationToken cancellation)
    {
        _connection = connection;
        _session = session;
        _cache = cache;
        _cancellation = cancellation;
    }

    public string Description => $"Microsoft Graph for {_connection.DisplayName ?? _connection.TenantId.ToString()} ({_connection.TenantId})";
    public Guid? TenantId => _connection.TenantId;
    public string? Customer => _connection.DisplayName;

    public ReportContent? OpenReport(ReportKind kind, DateTime? asOf)
    {
        var function = ReportDefinition.For(kind).GraphFunction;
        var what = $"{function} of {_connection.DisplayName ?? _connection.TenantId.ToString()}";
        // Graph's date= gives the users active on that one day, not in the 28 days before it: never AU.
        // A past date is measured only from a D30 report fetched back then and still in the cache.
        if (asOf is { } past && kind != ReportKind.Office365ActivationsUserDetail)
        {
            var cached = _cache.FindByRefreshDate(_connection.TenantId, function, past)
                ?? throw UsageErrors.AsOfNotAvailable(past, function).ToException();
            _session.Options.Log?.Invoke($"{what} refreshed on {past:yyyy-MM-dd}: from the workspace cache.");
            var old = new FileStream(cached, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            return new ReportContent(old, what, old.Length);
        }
        if (_interrupted.TryGetValue(kind, out var failed)) throw failed.ToException();
        var path = _cache.PathOf(_connection.TenantId, function, _session.Options.Clock().UtcDateTime.Date);
        _cache.Pull(path); // a blob workspace: another runner may have fetched it today
        if (ReportDefinition.For(kind).IsJson) return _session.Reports.OpenPaged(kind, path, what, _cancellation);
        return _session.Reports.Open(kind, path, what, error => _interrupted[kind] = error, _cancellation,
            committed: whole => _cache.Publish(whole, _session.Options.Log));
    }

    public IReadOnlyList<SubscribedSku>? SubscribedSkus()
    {
        var what = $"the subscribed SKUs of {_connection.DisplayName ?? _connection.TenantId.ToString()}";
        var json = _session.GetText(_session.Client.SubscribedSkus.ToGetRequestInformation(), what, OrganizationPermission, _cancellation);
        return SubscribedSkuParser.Parse(json, what);
    }

    public IReadOnlyList<AssignedPlan> AssignedPlans()
    {
        var what = $"the organization of {_connection.DisplayName ?? _connection.TenantId.ToString()}";
        var json = _session.GetText(_session.Client.Organization.ToGetRequestInformation(), what, OrganizationPermission, _cancellation);
        return AssignedPlansParser.Parse(json, what);
    }

    public DailyActivity DailyActivity()
    {
        var what = $"getOffice365ActiveUserCounts (D180) of {_connection.DisplayName ?? _connection.TenantId.ToString()}";
        var request = _session.Client.Reports.GetOffice365ActiveUserCountsWithPeriod("D180").ToGetRequestInformation();
        return DailyActivityParser.Parse(_session.GetText(request, what, ReportRequests.Permission, _cancellation), what);
    }
}
