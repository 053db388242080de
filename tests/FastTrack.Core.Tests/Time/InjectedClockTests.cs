using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Tests.Usage;
using FastTrack.Core.Usage;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Tests.Time;

/// <summary>Issue 16: the core reads no clock of its own; given one, dates follow it, so a test of dates needs no
/// real time.</summary>
public sealed class InjectedClockTests : IDisposable
{
    private static readonly DateTimeOffset Then = new(2024, 4, 2, 9, 30, 0, TimeSpan.Zero);
    private readonly ReportFolder _folder = new();
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        _folder.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void A_report_is_in_the_future_by_the_clock_given_not_by_the_machine_s()
    {
        _folder.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com"));
        IReadOnlyList<Outcome<ActiveUsage>> MeasureOn(DateTimeOffset day) =>
            new ActiveUsageCalculator(clock: () => day).Measure(new FolderUsageSource(_folder.Path), new[] { M365Service.Teams }, _ => new UsageGoal(10, null, UsageBasis.LicensedUsers));

        Assert.Equal(new DateTime(2024, 3, 31), Assert.Single(MeasureOn(Then)).Value!.AsOf);
        var error = Assert.Throws<FtException>(() => MeasureOn(new DateTimeOffset(2024, 3, 20, 0, 0, 0, TimeSpan.Zero))).Error;
        Assert.Equal(nameof(FastTrack.Core.UsageReports.ReportErrors.ReportDateInvalid), error.ErrorId);
        Assert.Contains("after today", error.Message);
    }

    [Fact]
    public void The_store_stamps_a_plan_with_the_clock_given()
    {
        var store = new PlanStore(new Workspace(_dir.Path), PlaybookCatalog.Default, clock: () => Then);
        var tenant = Guid.NewGuid();
        store.Create(CustomerPlan.New(PlaybookCatalog.Default, tenant, "Contoso", Then));
        var changed = store.Update(tenant, null, false, p => p.Blockers.Add(new Blocker { Id = 1, Description = "Proxy", Opened = Then.Date }))!;
        Assert.Equal(Then, changed.Modified);
    }

    [Fact]
    public void The_sample_tenant_ends_two_days_before_the_clock_s_day()
    {
        Assert.Equal(new DateTime(2024, 3, 31), FastTrack.Core.Sample.SampleTenantOptions.EndingBefore(() => Then).LastDay);
    }
}
