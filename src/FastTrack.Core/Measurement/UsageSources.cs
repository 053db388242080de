using System.Threading;
using FastTrack.Core.Graph;
using FastTrack.Core.Plans;
using FastTrack.Core.Sample;
using FastTrack.Core.Workspaces;
using FastTrack.Core.Usage;

namespace FastTrack.Core.Measurement;

/// <summary>Which usage data a plan is measured from, first match wins: the folder given; the sample
/// tenant when asked for; the connection of the plan's tenant (Connect-FtTenant); the sample tenant for
/// its own plan; for no plan, the only connection. Else none.</summary>
public static class UsageSources
{
    public static IUsageDataSource? For(CustomerPlan? plan, string? folder, bool sample, Workspace workspace, CancellationToken cancellationToken = default)
    {
        if (folder is not null) return new FolderUsageSource(folder);
        if (sample) return new SampleUsageSource(new SampleTenant());
        if (plan is not null && TenantConnections.Find(plan.TenantId) is { } connection) return connection.UsageSource(workspace, cancellationToken);
        if (plan?.TenantId == SampleTenantOptions.ContosoTenantId) return new SampleUsageSource(new SampleTenant());
        if (plan is null && TenantConnections.All is { Count: 1 } only) return only[0].UsageSource(workspace, cancellationToken);
        return null;
    }
}
