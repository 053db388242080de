using System.Globalization;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Portfolio;
using FastTrack.Core.Usage;
using FastTrack.Core.Tests.Rules;

namespace FastTrack.Core.Tests.Portfolio;

/// <summary>Issue 20: customers ranked by adoption risk; every reason has its weight and cites its data.</summary>
public sealed class PortfolioTriageTests
{
    private static readonly DateTime Today = PlanBuilder.Today;
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static void Measured(CustomerPlan plan, M365Service service, params (int DaysAgo, double Percent)[] points)
    {
        foreach (var (daysAgo, percent) in points)
        {
            plan.UsageHistory.Add(new UsageSnapshot
            {
                Service = service, AsOf = Today.AddDays(-daysAgo), ActiveUsers = (long)(percent * 10), Denominator = 1000,
                Basis = UsageBasis.PaidUnits, ActiveUsagePercent = Math.Round(percent * 10 * 100.0 / 1000, 1),
            });
        }
    }

    private static PortfolioEntry Assess(CustomerPlan plan) => PortfolioTriage.Assess(plan, PlaybookCatalog.Default, Today, English);

    [Fact]
    public void A_service_below_target_with_a_falling_trend_weighs_30_and_cites_its_snapshot()
    {
        var plan = new PlanBuilder().Live(M365Service.Yammer).Plan;
        Measured(plan, M365Service.Yammer, (28, 7.0), (21, 6.6), (14, 6.3), (7, 6.1), (0, 5.8));
        var reason = Assert.Single(Assess(plan).Reasons, r => r.Kind == RiskKind.BelowTargetNotImproving);
        Assert.Equal(30, reason.Weight);
        Assert.Equal($"usageHistory Yammer {Today:yyyy-MM-dd}", reason.Source);
        Assert.StartsWith($"Yammer AU is 5.8% on {Today:yyyy-MM-dd}, below its 10% target, and not rising fast enough", reason.Text);
    }

    [Fact]
    public void A_service_below_target_but_rising_weighs_10_and_one_at_target_nothing()
    {
        var plan = new PlanBuilder().Live(M365Service.Teams, M365Service.OneDrive).Plan;
        Measured(plan, M365Service.OneDrive, (28, 4.0), (21, 5.5), (14, 7.0), (7, 8.0), (0, 9.0));
        Measured(plan, M365Service.Teams, (0, 30.0));
        var entry = Assess(plan);
        Assert.Equal(RiskKind.BelowTarget, Assert.Single(entry.Reasons, r => r.Source.Contains("OneDrive")).Kind);
        Assert.DoesNotContain(entry.Reasons, r => r.Text.Contains("Teams AU"));
        Assert.Equal("1 of 2", entry.TargetsMet);
    }

    [Fact]
    public void Overdue_mandatory_tasks_old_blockers_missed_check_ins_and_stale_numbers_each_count()
    {
        var plan = new PlanBuilder().Live(M365Service.OneDrive).Plan;
        plan.Programs.OneDriveAdoption = ProgramDecision.Accepted;
        var task = plan.Tasks.First(t => t.TaskId == 3740);
        task.Due = Today.AddDays(-3);
        plan.Blockers.Add(new Blocker { Id = 4, Description = "Proxy", Opened = Today.AddDays(-20) });
        plan.Blockers.Add(new Blocker { Id = 5, Description = "New", Opened = Today.AddDays(-2) });
        plan.CheckIns.Add(new CheckIn { Id = 2, Date = Today.AddDays(-10), Status = CheckInStatus.Missed, Services = new() { M365Service.OneDrive } });
        Measured(plan, M365Service.OneDrive, (50, 20.0));
        var entry = Assess(plan);
        Assert.Contains(entry.Reasons, r => r.Kind == RiskKind.MandatoryTaskOverdue && r.Weight == 20 && r.Source == "tasks 3740 OneDrive");
        Assert.Contains(entry.Reasons, r => r.Kind == RiskKind.BlockerOpenLong && r.Source == "blockers #4" && r.Text.Contains("(20 days)"));
        Assert.DoesNotContain(entry.Reasons, r => r.Source == "blockers #5");
        Assert.Contains(entry.Reasons, r => r.Kind == RiskKind.CheckInMissed && r.Source == "checkIns #2");
        Assert.Contains(entry.Reasons, r => r.Kind == RiskKind.MeasurementStale && r.Weight == 15 && r.Text.Contains("50 days ago"));
        Assert.Equal(entry.Reasons.Sum(r => r.Weight), entry.RiskScore);
        Assert.Equal(entry.Reasons.OrderByDescending(r => r.Weight).Select(r => r.Kind), entry.Reasons.Select(r => r.Kind));
    }

    [Fact]
    public void A_pending_handshake_counts_while_in_execution_and_nothing_of_the_execution_counts_after_promotion()
    {
        var plan = new PlanBuilder().Csm().Live(M365Service.Teams).Plan;
        Measured(plan, M365Service.Teams, (0, 30.0));
        Assert.Contains(Assess(plan).Reasons, r => r.Kind == RiskKind.HandshakePending && r.Source == "tasks 3731 Teams");
        plan.Phase = PlanPhase.SuccessReview;
        Assert.Empty(Assess(plan).Reasons);
        Assert.Equal(RiskLevel.Low, Assess(plan).RiskLevel);
    }

    [Fact]
    public void The_portfolio_is_ranked_riskiest_first_then_by_name_with_levels_from_the_score()
    {
        var quiet = new PlanBuilder().Plan;
        quiet.Customer = "Alpha";
        var risky = new PlanBuilder().Live(M365Service.Yammer).Plan;
        risky.Customer = "Zeta";
        Measured(risky, M365Service.Yammer, (28, 7.0), (21, 6.6), (14, 6.3), (7, 6.1), (0, 5.8));
        risky.Blockers.Add(new Blocker { Id = 1, Description = "Proxy", Opened = Today.AddDays(-30) });
        var ranked = PortfolioTriage.Rank(new[] { quiet, risky }, PlaybookCatalog.Default, Today, English);
        Assert.Equal(new[] { "Zeta", "Alpha" }, ranked.Select(e => e.Customer));
        Assert.Equal(RiskLevel.Medium, ranked[0].RiskLevel);
        Assert.True(ranked[0].AtRisk);
        Assert.False(ranked[1].AtRisk);
    }

    [Fact]
    public void The_reasons_speak_the_culture_asked_for()
    {
        var plan = new PlanBuilder().Live(M365Service.OneDrive).Plan;
        plan.Blockers.Add(new Blocker { Id = 4, Description = "Proxy", Opened = Today.AddDays(-20) });
        var spanish = PortfolioTriage.Assess(plan, PlaybookCatalog.Default, Today, CultureInfo.GetCultureInfo("es-ES"));
        Assert.Contains(spanish.Reasons, r => r.Text.StartsWith("el bloqueador #4", StringComparison.Ordinal));
    }
}
