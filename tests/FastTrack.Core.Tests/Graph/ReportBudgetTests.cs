using FastTrack.Core.Errors;
using FastTrack.Core.Graph;

namespace FastTrack.Core.Tests.Graph;

/// <summary>Graph's report budget, 14 calls per 10 minutes per report API, kept on the client's clock.</summary>
public sealed class ReportBudgetTests
{
    private DateTimeOffset _now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private readonly List<TimeSpan> _waits = new();

    private ReportBudget Budget(TimeSpan? longestWait = null) => new(new GraphOptions
    {
        Clock = () => _now,
        Retry = new RetryPolicy
        {
            MaxRetryAfter = longestWait ?? TimeSpan.FromMinutes(10),
            Delay = (wait, _) => { _waits.Add(wait); _now += wait; return Task.CompletedTask; },
        },
    });

    [Fact]
    public async Task The_fifteenth_call_of_a_report_in_ten_minutes_waits_for_the_first_to_leave_the_window_and_other_reports_do_not()
    {
        var budget = Budget();
        for (var i = 0; i < ReportBudget.Calls; i++)
        {
            await budget.Spend("getTeamsUserActivityUserDetail", "Teams", CancellationToken.None);
            _now += TimeSpan.FromSeconds(10);
        }
        await budget.Spend("getEmailActivityUserDetail", "Email", CancellationToken.None);
        Assert.Empty(_waits);

        await budget.Spend("getTeamsUserActivityUserDetail", "Teams", CancellationToken.None);
        Assert.Equal(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(10 * ReportBudget.Calls), Assert.Single(_waits));
    }

    [Fact]
    public async Task A_wait_longer_than_the_longest_Retry_After_fails_with_LimitsExceeded()
    {
        var budget = Budget(longestWait: TimeSpan.FromMinutes(1));
        for (var i = 0; i < ReportBudget.Calls; i++) await budget.Spend("getTeamsUserActivityUserDetail", "Teams", CancellationToken.None);

        var error = (await Assert.ThrowsAsync<FtException>(() => budget.Spend("getTeamsUserActivityUserDetail", "Teams", CancellationToken.None))).Error;
        Assert.Equal(nameof(GraphErrors.GraphLimitsExceeded), error.ErrorId);
        Assert.Empty(_waits);
    }
}
