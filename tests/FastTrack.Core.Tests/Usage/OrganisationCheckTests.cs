using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Usage;
using FastTrack.Core.Measurement;

namespace FastTrack.Core.Tests.Usage;

/// <summary>Issue 15: with no subscribedSkus in the folder, contoso.com's reports were saved into fabrikam.com's
/// plan. The users' domains are checked against the plan's primary domain and the domains of its earlier
/// measurements; a mismatch is refused unless forced.</summary>
public sealed class OrganisationCheckTests : IDisposable
{
    private readonly ReportFolder _folder = new();

    public OrganisationCheckTests() =>
        _folder.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com"), ReportFolder.TeamsRow("ben@contoso.com"), ReportFolder.TeamsRow("cy@sales.contoso.com"));

    public void Dispose() => _folder.Dispose();

    private static CustomerPlan Plan(string? domain)
    {
        var plan = CustomerPlan.New(PlaybookCatalog.Default, Guid.NewGuid(), "Fabrikam", DateTimeOffset.Now);
        plan.PrimaryDomain = domain;
        plan.Service(M365Service.Teams).Intended = true;
        plan.Service(M365Service.Teams).Basis = UsageBasis.LicensedUsers;
        return plan;
    }

    private IReadOnlyList<Outcome<ActiveUsage>> Measure(CustomerPlan plan, bool force = false) =>
        new PlanMeasurement(PlaybookCatalog.Default, plan, allowOtherOrganisation: force).Measure(new FolderUsageSource(_folder.Path));

    [Fact]
    public void Another_organisation_s_reports_are_refused_naming_both_domains()
    {
        var error = Assert.Throws<FtException>(() => Measure(Plan("fabrikam.com"))).Error;
        Assert.Equal("ReportsOfAnotherOrganisation", error.ErrorId);
        Assert.Contains("contoso.com", error.Message);
        Assert.Contains("fabrikam.com", error.Message);
        Assert.Contains("-Force", error.Message);
        Assert.Equal(3, Assert.Single(Measure(Plan("fabrikam.com"), force: true)).Value!.ActiveUsers);
    }

    [Theory]
    [InlineData("contoso.com")]
    [InlineData("contoso.onmicrosoft.com")]   // the tenant's initial domain: the same organisation
    [InlineData("sales.contoso.com")]
    public void The_plan_s_own_organisation_is_measured(string domain)
    {
        Assert.True(Assert.Single(Measure(Plan(domain))).Succeeded);
    }

    [Fact]
    public void Without_a_primary_domain_the_domains_of_earlier_measurements_decide()
    {
        var plan = Plan(null);
        Assert.True(Assert.Single(Measure(plan)).Succeeded);   // nothing to compare with yet
        PlanChanges.RecordUsage(new[] { new ActiveUsage { Service = M365Service.Teams, AsOf = new DateTime(2024, 3, 31), ActiveUsers = 1, Denominator = 1, Basis = UsageBasis.LicensedUsers, ActiveUsagePercent = 100, Source = "x" } }, DateTimeOffset.Now)(plan);
        plan.ReportDomains.Add("fabrikam.com");
        Assert.Equal("ReportsOfAnotherOrganisation", Assert.Throws<FtException>(() => Measure(plan)).Error.ErrorId);
    }
}
