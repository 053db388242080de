using FastTrack.Core.Plans;
using FastTrack.Core.Sample;

namespace FastTrack.Core.Usage;

/// <summary>Which usage data a plan is measured from: the folder given, the sample tenant when asked
/// for (or when the plan is the sample tenant's), else none (the live Graph source comes with the
/// connection cmdlets).</summary>
public static class UsageSources
{
    public static IUsageDataSource? For(CustomerPlan? plan, string? folder, bool sample)
    {
        if (folder is not null) return new FolderUsageSource(folder);
        if (sample || plan?.TenantId == SampleTenantOptions.ContosoTenantId) return new SampleUsageSource(new SampleTenant());
        return null;
    }
}
