using FastTrack.Core.Errors;
using FastTrack.Core.KeyInputs;
using FastTrack.Core.Licensing;
using FastTrack.Core.Plans;
using FastTrack.Core.Playbook;
using FastTrack.Core.Sample;

namespace FastTrack.Core.Tests.KeyInputs;

/// <summary>Issue 20: enabled dates found, not typed: the assigned date of a provisioned plan, else the first day of
/// use when the daily counts cover it, else nothing; each with its source, recorded only when confirmed.</summary>
public sealed class KeyInputDetectorTests
{
    private static readonly Guid TeamsPlan = Guid.Parse("57ff2da0-773e-42df-b2af-ffb7a2317929"); // TEAMS1
    private static readonly Guid OtherTeamsPlan = Guid.Parse("4a51bca5-1eff-43f5-878c-177680f191af"); // a plan the subscriptions do not hold

    private static SubscribedSku Sku(string status, params (Guid Id, string Name, string Provisioning)[] plans) => new()
    {
        SkuPartNumber = "SPE_E3",
        CapabilityStatus = status,
        EnabledUnits = 10,
        ServicePlans = plans.Select(p => new SkuServicePlan { ServicePlanId = p.Id, ServicePlanName = p.Name, ProvisioningStatus = p.Provisioning }).ToList(),
    };

    private static AssignedPlan Assigned(Guid id, string date, string status = "Enabled") =>
        new() { ServicePlanId = id, Service = "TeamspaceAPI", CapabilityStatus = status, AssignedOn = DateTime.Parse(date) };

    private const string Header = "Report Refresh Date,Office 365,Exchange,OneDrive,SharePoint,Skype For Business,Yammer,Teams,Report Date,Report Period\n";

    // 60 days from 2026-06-02, newest first as Graph writes them: Teams users from day 30 (2026-07-02) on, Yammer from
    // the first day (with a quiet day now and then), OneDrive from day 20 (too soon after the start to be one), Exchange never.
    private static DailyActivity Counts() => DailyActivityParser.Parse(Header + string.Concat(Enumerable.Range(0, 60).Reverse().Select(d =>
        $"2026-07-31,1,0,{(d >= 20 ? 1 : 0)},0,0,{(d % 7 == 3 ? 0 : 2)},{(d >= 30 ? 3 : 0)},{new DateTime(2026, 6, 2).AddDays(d):yyyy-MM-dd},60\n")), "counts.csv");

    private static CustomerPlan Plan(DateTime? teamsEnabled = null)
    {
        var plan = CustomerPlan.New(PlaybookCatalog.Default, Guid.NewGuid(), "Fabrikam", DateTimeOffset.Now);
        plan.Service(M365Service.Teams).EnabledOn = teamsEnabled;
        return plan;
    }

    [Fact]
    public void The_assigned_date_of_a_provisioned_plan_is_the_enabled_date()
    {
        var skus = new[] { Sku("Enabled", (TeamsPlan, "TEAMS1", "Success")) };
        var found = KeyInputDetector.Find(Plan(), M365Service.Teams, skus, new[] { Assigned(TeamsPlan, "2025-03-02") }, Counts(), "Graph for Fabrikam");

        Assert.Equal(new DateTime(2025, 3, 2), found.EnabledOn);
        Assert.Equal("plan TEAMS1", found.Source);
        Assert.Equal(KeyInputStatus.New, found.Status);
        Assert.Contains(found.Evidence, e => e.Contains("2025-03-02") && e.Contains("assignedPlans"));
        Assert.Contains(found.Evidence, e => e.Contains("first active user on 2026-07-02"));
    }

    [Fact]
    public void Without_an_assigned_date_the_first_day_of_use_counts_only_when_the_report_covers_it()
    {
        var skus = new[] { Sku("Enabled", (TeamsPlan, "TEAMS1", "Success"), (Guid.Parse("7547a3fe-08ee-4ccb-b430-5077c5041653"), "YAMMER_ENTERPRISE", "Success")) };
        var teams = KeyInputDetector.Find(Plan(), M365Service.Teams, skus, Array.Empty<AssignedPlan>(), Counts(), "g");
        var yammer = KeyInputDetector.Find(Plan(), M365Service.Yammer, skus, Array.Empty<AssignedPlan>(), Counts(), "g");

        Assert.Equal(new DateTime(2026, 7, 2), teams.EnabledOn);
        Assert.Equal("activity in D180 counts", teams.Source);
        Assert.Null(yammer.EnabledOn);
        Assert.Equal(KeyInputStatus.NotFound, yammer.Status);
        Assert.Contains(yammer.Evidence, e => e.Contains("from 2026-06-02, within 28 days of the first day") && e.Contains("in use before it"));
        var oneDrive = KeyInputDetector.Find(Plan(), M365Service.OneDrive, new[] { Sku("Enabled", (Guid.Parse("13696edf-5a08-49f6-8134-03083ed8ba30"), "ONEDRIVESTANDARD", "Success")) },
            Array.Empty<AssignedPlan>(), Counts(), "g");
        Assert.Equal(KeyInputStatus.NotFound, oneDrive.Status); // 20 quiet days, then users: a quiet spell, not a start
    }

    [Fact]
    public void A_plan_not_provisioned_in_an_enabled_subscription_gives_no_date()
    {
        var suspended = new[] { Sku("Suspended", (TeamsPlan, "TEAMS1", "Success")) };
        var disabled = new[] { Sku("Enabled", (TeamsPlan, "TEAMS1", "Disabled")) };
        foreach (var skus in new[] { suspended, disabled })
        {
            var found = KeyInputDetector.Find(Plan(), M365Service.Teams, skus, new[] { Assigned(TeamsPlan, "2025-03-02") }, Counts(), "g");
            Assert.Equal(KeyInputStatus.NotFound, found.Status);
            Assert.Contains("no enabled subscription provisions a Teams service plan", found.Evidence);
        }
    }

    [Fact]
    public void Plans_of_other_services_or_switched_off_give_no_date()
    {
        var skus = new[] { Sku("Enabled", (TeamsPlan, "TEAMS1", "Success")) };
        var found = KeyInputDetector.Find(Plan(), M365Service.Teams, skus,
            new[] { Assigned(OtherTeamsPlan, "2024-01-01"), Assigned(TeamsPlan, "2023-05-05", "Deleted") }, Counts(), "g");
        Assert.Equal(new DateTime(2026, 7, 2), found.EnabledOn); // neither entry counts: the daily counts decide
    }

    [Fact]
    public void The_status_compares_with_the_plan_and_applying_records_the_source()
    {
        var skus = new[] { Sku("Enabled", (TeamsPlan, "TEAMS1", "Success")) };
        var assigned = new[] { Assigned(TeamsPlan, "2025-03-02") };
        Assert.Equal(KeyInputStatus.Same, KeyInputDetector.Find(Plan(new DateTime(2025, 3, 2)), M365Service.Teams, skus, assigned, Counts(), "g").Status);

        var plan = Plan(new DateTime(2025, 9, 1));
        var found = KeyInputDetector.Find(plan, M365Service.Teams, skus, assigned, Counts(), "Graph for Fabrikam");
        Assert.Equal(KeyInputStatus.Differs, found.Status);
        found.ApplyTo(plan, force: false);
        Assert.Equal(new DateTime(2025, 3, 2), plan.Service(M365Service.Teams).EnabledOn);
        Assert.Equal("plan TEAMS1, from Graph for Fabrikam", plan.Service(M365Service.Teams).EnabledSource);

        // Typed by hand again: entered, and its source goes.
        new PlanUpdate { Services = new[] { M365Service.Teams }, EnabledOn = new DateTime(2025, 4, 1) }.ApplyTo(plan, DateTime.Today);
        Assert.Null(plan.Service(M365Service.Teams).EnabledSource);
    }

    [Fact]
    public void A_date_changed_since_it_was_found_is_refused_unless_forced()
    {
        var plan = Plan();
        var found = KeyInputDetector.Find(plan, M365Service.Teams, new[] { Sku("Enabled", (TeamsPlan, "TEAMS1", "Success")) }, new[] { Assigned(TeamsPlan, "2025-03-02") }, Counts(), "g");
        plan.Service(M365Service.Teams).EnabledOn = new DateTime(2025, 10, 1); // someone typed a date meanwhile

        var refused = Assert.Throws<FtException>(() => found.ApplyTo(plan, force: false));
        Assert.Equal(nameof(KeyInputErrors.KeyInputChangedSince), refused.Error.ErrorId);
        Assert.Contains("none then, 2025-10-01 now", refused.Message);
        found.ApplyTo(plan, force: true);
        Assert.Equal(new DateTime(2025, 3, 2), plan.Service(M365Service.Teams).EnabledOn);
    }

    [Fact]
    public void The_criterion_says_which_dates_were_detected_and_which_entered()
    {
        var builder = new Rules.PlanBuilder()
            .Intended(M365Service.Teams, new DateTime(2025, 3, 2), new DateTime(2025, 4, 1))
            .Intended(M365Service.OneDrive, new DateTime(2025, 3, 2), new DateTime(2025, 4, 1))
            .With(p => p.Service(M365Service.Teams).EnabledSource = "plan TEAMS1, from Graph for Fabrikam");
        var criterion = builder.Criteria.Single(c => c.Id == "ServicesEnabledAndCommunicated");

        Assert.Contains("Teams enabled 2025-03-02 (detected: plan TEAMS1, from Graph for Fabrikam), communicated 2025-04-01 (entered)", criterion.Evidence);
        Assert.Contains("OneDrive enabled 2025-03-02 (entered)", criterion.Evidence);
    }

    [Fact]
    public void The_sample_tenant_finds_every_service_it_licenses_from_its_assigned_plans()
    {
        var source = new SampleUsageSource(new SampleTenant(new SampleTenantOptions { Users = 200 }));
        var found = KeyInputDetector.Find(Plan(), null, source); // no service intended: every service

        Assert.Equal(Enum.GetValues<M365Service>(), found.Select(f => f.Service));

        Assert.All(found, f => Assert.Equal(KeyInputStatus.New, f.Status));
        Assert.All(found, f => Assert.True(f.EnabledOn < source.Tenant.Options.FirstDay.AddDays(-199)));
        Assert.All(found.Where(f => DailyActivityParser.Services.Contains(f.Service)), f => Assert.Contains(f.Evidence, e => e.Contains("in use before it")));
    }
}
