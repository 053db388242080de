using System;
using System.Threading;
using FastTrack.Core.Graph;
using FastTrack.Core.Plans;
using FastTrack.Core.Sample;
using FastTrack.Core.Usage;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Measurement;

/// <summary>The one place that decides which usage data a plan (or no plan) is measured from. First match wins:
/// the folder given; the sample tenant when asked for; the connection of the tenant asked for (which must exist);
/// the connection of the plan's tenant; the sample tenant for its own plan; for no plan, the only connection.
/// Else none, and <see cref="Resolve"/> says where data can come from. A folder is read once, however many plans
/// are measured from it (also in parallel).</summary>
public sealed class UsageSourceResolver
{
    private readonly ConnectionRegistry _connections;
    private readonly Workspace _workspace;
    private readonly Func<DateTimeOffset> _clock;
    private readonly object _gate = new();
    private FolderUsageSource? _folder;

    public UsageSourceResolver(ConnectionRegistry connections, Workspace workspace, Func<DateTimeOffset>? clock = null)
    {
        _connections = connections;
        _workspace = workspace;
        _clock = clock ?? Time.SystemClock.Now;
    }

    public IUsageDataSource Resolve(UsageSourceRequest request, CustomerPlan? plan, CancellationToken cancellationToken = default) =>
        TryResolve(request, plan, cancellationToken) ?? throw MeasurementErrors.UsageSourceMissing(plan?.Customer).ToException();

    /// <summary>The source, or null when nothing was given and nothing is connected (the nightly run then rests
    /// on the saved history, and says so).</summary>
    public IUsageDataSource? TryResolve(UsageSourceRequest request, CustomerPlan? plan, CancellationToken cancellationToken = default)
    {
        if (request.Folder is { } folder) return Folder(folder);
        if (request.Sample) return Sample();
        if (request.TenantId is { } asked) return _connections.Require(asked).UsageSource(_workspace, cancellationToken);
        if (plan is not null && _connections.Find(plan.TenantId) is { } connection) return connection.UsageSource(_workspace, cancellationToken);
        if (plan?.TenantId == SampleTenantOptions.ContosoTenantId) return Sample();
        if (plan is null && _connections.All is { Count: 1 } only) return only[0].UsageSource(_workspace, cancellationToken);
        return null;
    }

    private SampleUsageSource Sample() => new(new SampleTenant(SampleTenantOptions.EndingBefore(_clock)));

    private FolderUsageSource Folder(string folder)
    {
        lock (_gate) return _folder ??= new FolderUsageSource(folder);
    }
}
