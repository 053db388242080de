using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;
using FastTrack.Core.Usage;
using FastTrack.Core.Measurement;

namespace FastTrack.Core.Tests.Usage;

/// <summary>Snapshots saved into the plan, the trend and the least-squares forecast.</summary>
public sealed class UsageHistoryTests
{
    private static readonly DateTime Monday = new(2026, 9, 7);

    private static CustomerPlan Plan() => CustomerPlan.New(PlaybookCatalog.Default, Guid.NewGuid(), "Contoso", DateTimeOffset.Now);

    private static ActiveUsage Measured(M365Service service, DateTime asOf, long active, long denominator, UsageBasis basis = UsageBasis.PaidUnits) => new()
    {
        Service = service,
        AsOf = asOf,
        WindowDays = 28,
        ActiveUsers = active,
        Denominator = denominator,
        Basis = basis,
        ActiveUsagePercent = Math.Round(active * 100.0 / denominator, 1),
        Source = "test",
    };

    private static IEnumerable<(DateTime, double)> Weekly(params double[] percents) =>
        percents.Select((p, i) => (Monday.AddDays(7 * i), p));

    [Fact]
    public void A_steady_climb_is_projected_to_the_day_the_line_crosses_the_target()
    {
        // 4, 5, 6, 7 % on four Mondays: +1 point a week, so 10 % three weeks after the last one.
        var forecast = UsageForecast.From(Weekly(4, 5, 6, 7), 10);
        Assert.Equal(ForecastStatus.OnTrack, forecast.Status);
        Assert.Equal(Monday.AddDays(21 + 21), forecast.ProjectedDate);
        Assert.Equal(4, forecast.PointsUsed);
        Assert.Equal(1.0, forecast.SlopePerWeek);
    }

    [Fact]
    public void Least_squares_not_the_last_two_points_sets_the_pace()
    {
        // The fitted line of 2, 6, 4, 8 is 2.6 + 1.6·week: a noisy last step does not set the pace.
        var forecast = UsageForecast.From(Weekly(2, 6, 4, 8), 10);
        Assert.Equal(1.6, forecast.SlopePerWeek);
        // 2.6 + 1.6·w = 10 → w = 4.625 weeks = 32.375 days → day 33 after the first point.
        Assert.Equal(Monday.AddDays(33), forecast.ProjectedDate);
    }

    [Fact]
    public void Flat_or_falling_usage_is_not_reached_at_the_current_pace()
    {
        Assert.Equal(ForecastStatus.NotAtCurrentPace, UsageForecast.From(Weekly(6, 6, 6), 10).Status);
        var falling = UsageForecast.From(Weekly(8, 7, 6, 5), 10);
        Assert.Equal(ForecastStatus.NotAtCurrentPace, falling.Status);
        Assert.Null(falling.ProjectedDate);
        Assert.Contains("not reached at the current pace", falling.ToString());
    }

    [Fact]
    public void A_crossing_beyond_two_years_is_not_reached_at_the_current_pace()
    {
        // +0.01 points a week from 1 %: 900 weeks away.
        Assert.Equal(ForecastStatus.NotAtCurrentPace, UsageForecast.From(Weekly(1.00, 1.01, 1.02), 10).Status);
    }

    [Fact]
    public void Fewer_than_three_points_are_not_enough_and_the_target_reached_is_said_so()
    {
        var two = UsageForecast.From(Weekly(4, 8), 10);
        Assert.Equal(ForecastStatus.InsufficientData, two.Status);
        Assert.Equal(2, two.PointsUsed);
        Assert.Equal(ForecastStatus.Reached, UsageForecast.From(Weekly(8, 9, 11), 10).Status);
    }

    [Fact]
    public void Only_recent_points_are_used()
    {
        // A year-old collapse must not drag the line: only the last 90 days count.
        var points = new[] { (Monday.AddDays(-365), 30.0), (Monday.AddDays(-358), 0.0) }.Concat(Weekly(4, 5, 6, 7));
        var forecast = UsageForecast.From(points, 10);
        Assert.Equal(4, forecast.PointsUsed);
        Assert.Equal(Monday.AddDays(42), forecast.ProjectedDate);
    }

    [Fact]
    public void Recording_replaces_a_snapshot_of_the_same_day_and_sets_the_baseline_once()
    {
        var plan = Plan();
        PlanChanges.RecordUsage(new[] { Measured(M365Service.Teams, Monday, 40, 1000) }, DateTimeOffset.Now)(plan);
        PlanChanges.RecordUsage(new[] { Measured(M365Service.Teams, Monday, 45, 1000) }, DateTimeOffset.Now)(plan);
        PlanChanges.RecordUsage(new[] { Measured(M365Service.Teams, Monday.AddDays(7), 60, 1000) }, DateTimeOffset.Now)(plan);
        Assert.Equal(new[] { 4.5, 6.0 }, plan.UsageHistory.Select(u => u.ActiveUsagePercent!.Value));
        Assert.Equal(4.5, plan.Service(M365Service.Teams).BaselineAU);
        Assert.Equal(6.0, plan.LatestUsage(M365Service.Teams)!.ActiveUsagePercent);
    }

    [Fact]
    public void A_set_baseline_is_kept_and_other_bases_do_not_mix_into_the_history()
    {
        var plan = Plan();
        plan.Service(M365Service.Teams).BaselineAU = 2;
        PlanChanges.RecordUsage(new[]
        {
            Measured(M365Service.Teams, Monday, 40, 1000),
            Measured(M365Service.Teams, Monday, 40, 500, UsageBasis.LicensedUsers),
        }, DateTimeOffset.Now)(plan);
        Assert.Equal(2, plan.Service(M365Service.Teams).BaselineAU);
        var history = ActiveUsageHistory.Of(plan).Single();
        Assert.Equal(UsageBasis.PaidUnits, history.Basis);
        Assert.Equal(4.0, history.Latest!.ActiveUsagePercent);
        Assert.Equal(8.0, ActiveUsageHistory.Of(plan, basis: UsageBasis.LicensedUsers).Single().Latest!.ActiveUsagePercent);
    }

    [Fact]
    public void The_rules_see_the_latest_snapshot_and_the_handoff_trend_describes_the_history()
    {
        var plan = Plan();
        foreach (var (week, active) in new[] { (0, 40), (1, 50), (2, 60), (3, 70) })
            PlanChanges.RecordUsage(new[] { Measured(M365Service.Teams, Monday.AddDays(7 * week), active, 1000) }, DateTimeOffset.Now)(plan);
        var fact = PlanUsageFacts.Latest(plan)[M365Service.Teams];
        Assert.Equal(7.0, fact.ActiveUsagePercent);
        Assert.Equal(Monday.AddDays(21), fact.AsOf);
        var trend = PlanUsageFacts.TrendText(plan, M365Service.Teams);
        Assert.Contains("4.0% on 2026-09-07", trend);
        Assert.Contains("7.0% on 2026-09-28", trend);
        Assert.Contains("10% by 2026-10-19", trend);
        Assert.Equal("no AU history saved yet", PlanUsageFacts.TrendText(plan, M365Service.Yammer));
    }

    [Fact]
    public void Snapshots_survive_a_save_and_load()
    {
        using var dir = new TempDirectory();
        var store = new PlanStore(new FastTrack.Core.Workspaces.Workspace(dir.Path), PlaybookCatalog.Default);
        var plan = Plan();
        PlanChanges.RecordUsage(new[] { Measured(M365Service.OneDrive, Monday, 35, 1000) }, DateTimeOffset.Now)(plan);
        store.Create(plan);
        var loaded = store.Read(plan.TenantId);
        var snapshot = loaded.UsageHistory.Single();
        Assert.Equal((M365Service.OneDrive, Monday, 35L, 1000L, 3.5), (snapshot.Service, snapshot.AsOf, snapshot.ActiveUsers, snapshot.Denominator, snapshot.ActiveUsagePercent!.Value));
    }

    // Issue 15: snapshots saved with -Basis LicensedUsers were used by the criteria but hidden from the history.
    [Fact]
    public void The_history_shows_the_snapshots_the_rules_read_on_whichever_basis_they_were_saved()
    {
        var plan = Plan();
        plan.Service(M365Service.Teams).Intended = true;
        PlanChanges.RecordUsage(new[] { Measured(M365Service.Teams, Monday, 40, 200, UsageBasis.LicensedUsers), Measured(M365Service.Teams, Monday.AddDays(7), 50, 200, UsageBasis.LicensedUsers) }, DateTimeOffset.Now)(plan);

        var history = Assert.Single(ActiveUsageHistory.Of(plan));
        Assert.Equal(UsageBasis.LicensedUsers, history.Basis);
        Assert.Equal(2, history.Snapshots.Count);
        Assert.Equal(25.0, PlanUsageFacts.Latest(plan)[M365Service.Teams].ActiveUsagePercent);
        Assert.Equal(history.Latest!.ActiveUsagePercent, PlanUsageFacts.Latest(plan)[M365Service.Teams].ActiveUsagePercent);

        // Once a snapshot exists on the plan's own basis, both switch to it together.
        PlanChanges.RecordUsage(new[] { Measured(M365Service.Teams, Monday.AddDays(7), 50, 1000) }, DateTimeOffset.Now)(plan);
        Assert.Equal(UsageBasis.PaidUnits, Assert.Single(ActiveUsageHistory.Of(plan)).Basis);
        Assert.Equal(5.0, PlanUsageFacts.Latest(plan)[M365Service.Teams].ActiveUsagePercent);
    }
}
