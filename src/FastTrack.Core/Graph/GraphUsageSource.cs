using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using FastTrack.Core.Usage;
using FastTrack.Core.Licensing;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Graph;

/// <summary>A connected tenant's reports and subscriptions from Microsoft Graph, each report downloaded
/// once a day into the workspace cache and read from there.</summary>
internal sealed class GraphUsageSource : IUsageDataSource
{
    private const string ReportsPermission = "Reports.Read.All";
    private const string OrganizationPermission = "Organization.Read.All";
    private readonly TenantConnection _connection;
    private readonly GraphSession _session;
    private readonly ReportCache _cache;
    private readonly CancellationToken _cancellation;

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
        var path = _cache.PathOf(_connection.TenantId, function, _session.Options.Clock().UtcDateTime.Date);
        if (File.Exists(path))
        {
            _session.Options.Log?.Invoke($"{what}: from the workspace cache.");
        }
        else
        {
            _session.Options.Log?.Invoke($"{what}: downloading from Microsoft Graph.");
            var retry = _session.Options.Retry;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    Download(kind, path, what);
                    break;
                }
                catch (Errors.FtException ex) when (ex.Error.Is(nameof(GraphErrors.GraphConnectionFailed)) && attempt < retry.MaxAttempts)
                {
                    // The body was cut off after the headers (the handler retries only before them).
                    var wait = retry.Backoff(attempt, null);
                    _session.Options.Log?.Invoke($"{what}: the download was cut off; retry {attempt} of {retry.MaxAttempts - 1} in {wait.TotalSeconds:0.#} s.");
                    retry.Delay(wait, _cancellation).GetAwaiter().GetResult();
                }
            }
        }
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return new ReportContent(stream, what, stream.Length);
    }

    private void Download(ReportKind kind, string path, string what)
    {
        var request = ReportRequests.For(_session.Client, kind);
        using var body = _session.Get(request, what, ReportsPermission, _session.Options.DownloadTimeout, _cancellation, out var deadline);
        using (deadline)
        {
            ReportCache.Store(path, file =>
            {
                try
                {
                    body.CopyToAsync(file, 81920, deadline.Token).GetAwaiter().GetResult();
                    // Graph always sends at least the header row: nothing at all is a failed download.
                    if (file.Length == 0) throw new IOException("empty report body");
                }
                catch (Exception ex) when (ex is IOException || ex is System.Net.Http.HttpRequestException || ex is OperationCanceledException)
                {
                    throw GraphErrors.From(ex, what, ReportsPermission, _session.Options.DownloadTimeout, _cancellation).ToException();
                }
            });
        }
    }

    public IReadOnlyList<SubscribedSku>? SubscribedSkus()
    {
        var what = $"the subscribed SKUs of {_connection.DisplayName ?? _connection.TenantId.ToString()}";
        var json = _session.GetText(_session.Client.SubscribedSkus.ToGetRequestInformation(), what, OrganizationPermission, _cancellation);
        return SubscribedSkuParser.Parse(json, what);
    }
}
