using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using FastTrack.Core.Connections;
using FastTrack.Core.Sample;
using FastTrack.Core.Usage;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Graph;

/// <summary>A connected tenant: who it is, how it signs in, and where its Graph is. Holds no secret in a
/// public member; the client lives in an internal session.</summary>
public sealed class TenantConnection : IDisposable
{
    internal TenantConnection(Guid tenantId, ConnectionMethod method, GraphCloud cloud, Uri graphEndpoint, object? session, Func<DateTimeOffset> clock)
    {
        _clock = clock;
        TenantId = tenantId;
        Method = method;
        Cloud = cloud;
        GraphEndpoint = graphEndpoint;
        Session = session;
        ConnectedOn = clock();
    }

    public Guid TenantId { get; }
    public string? DisplayName { get; internal set; }
    public string? DefaultDomain { get; internal set; }
    public ConnectionMethod Method { get; }
    public GraphCloud Cloud { get; }
    public Uri GraphEndpoint { get; }
    public string? ClientId { get; internal set; }
    public DateTimeOffset ConnectedOn { get; }
    /// <summary>What admin/reportSettings says (true: reports conceal names); null when it could not be read.</summary>
    public bool? ReportsConcealNames { get; internal set; }

    private readonly ConcurrentQueue<string> _log = new();
    private readonly Func<DateTimeOffset> _clock;

    /// <summary>Retries, downloads and cache hits since the last call: the cmdlets write them to -Verbose
    /// on the pipeline thread (the HTTP handlers run on others).</summary>
    public IReadOnlyList<string> DrainLog()
    {
        var lines = new List<string>();
        while (_log.TryDequeue(out var line)) lines.Add(line);
        return lines;
    }

    internal void Log(string line) => _log.Enqueue(SecretText.Redact(line));

    // Typed object so that loading this class does not load Microsoft.Graph (see GraphSession).
    internal object? Session { get; }

    /// <summary>The tenant's usage data: its reports through Graph (cached in the workspace), or the sample.</summary>
    public IUsageDataSource UsageSource(Workspace workspace, CancellationToken cancellationToken = default) =>
        Session is null
            ? new SampleUsageSource(new SampleTenant(SampleTenantOptions.EndingBefore(_clock)))
            : GraphSource(workspace, cancellationToken);

    private IUsageDataSource GraphSource(Workspace workspace, CancellationToken cancellationToken) =>
        new GraphUsageSource(this, (GraphSession)Session!, new ReportCache(workspace), cancellationToken);

    public void Dispose() => (Session as IDisposable)?.Dispose();

    public override string ToString() => $"{DisplayName ?? TenantId.ToString()} ({Method}, {GraphEndpoint.Host})";
}
