using System;
using System.Collections.Generic;
using System.IO;
using FastTrack.Core.KeyInputs;
using FastTrack.Core.Usage;
using FastTrack.Core.Licensing;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Sample;

/// <summary>The sample tenant as a usage data source: every report of any of its 180 days, offline.</summary>
public sealed class SampleUsageSource : IUsageDataSource, IServiceHistorySource
{
    public SampleUsageSource(SampleTenant tenant) => Tenant = tenant;

    public SampleTenant Tenant { get; }
    public string Description => $"sample tenant {Tenant.Options.Customer} ({Tenant.Options.Users} users, seed {Tenant.Options.Seed})";
    public Guid? TenantId => Tenant.Options.TenantId;
    public string? Customer => Tenant.Options.Customer;

    public ReportContent? OpenReport(ReportKind kind, DateTime? asOf)
    {
        var buffer = new MemoryStream();
        Tenant.WriteReport(kind, (asOf ?? Tenant.Options.LastDay).Date, buffer);
        buffer.Position = 0;
        return new ReportContent(buffer, $"{ReportDefinition.For(kind).GraphFunction} ({Description})", buffer.Length);
    }

    public IReadOnlyList<SubscribedSku>? SubscribedSkus() => SubscribedSkuParser.Parse(Tenant.SubscribedSkusJson(), Description);

    public IReadOnlyList<AssignedPlan> AssignedPlans() => AssignedPlansParser.Parse(Tenant.OrganizationJson(), $"the organization of the {Description}");

    public DailyActivity DailyActivity() => DailyActivityParser.Parse(Tenant.ActiveUserCountsCsv(), $"getOffice365ActiveUserCounts (D180) of the {Description}");
}
