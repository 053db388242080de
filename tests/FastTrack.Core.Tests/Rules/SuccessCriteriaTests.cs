using FastTrack.Core.Plans;
using FastTrack.Core.Rules;
using static FastTrack.Core.Playbook.M365Service;

namespace FastTrack.Core.Tests.Rules;

/// <summary>The page's key inputs and outcomes, each passing, failing and unknown.</summary>
public sealed class SuccessCriteriaTests
{
    private static CriterionResult Result(PlanBuilder builder, string id) => builder.Criteria.Single(c => c.Id == id).Result;

    private static PlanBuilder Ready() => new PlanBuilder().Csm().Live(Teams, OneDrive).AU(Teams, 14.5).AU(OneDrive, 10.0)
        .With(p =>
        {
            p.Task(3731).Status = TaskState.Done;
            p.Training.Add(new TrainingRecord { Service = Teams, Date = PlanBuilder.Today.AddDays(-20), Audience = "All staff" });
            p.Training.Add(new TrainingRecord { Service = OneDrive, Date = PlanBuilder.Today.AddDays(-20), Audience = "All staff" });
            p.Programs.OneDriveAdoption = ProgramDecision.Declined;
        });

    [Fact]
    public void A_customer_at_target_with_training_and_handshakes_done_passes_everything_and_may_be_promoted()
    {
        var builder = Ready();
        Assert.All(builder.Criteria, c => Assert.True(c.Result == CriterionResult.Pass, $"{c.Id}: {c.Evidence}"));
        var promote = builder.Actions.Last();
        Assert.Equal(NextActionKind.Promote, promote.Kind);
        Assert.Equal(3735, promote.TaskId);
    }

    // "Customer meets or exceeds 10% AU target for all intended services."
    [Theory]
    [InlineData(9.9, CriterionResult.Fail)]
    [InlineData(10.0, CriterionResult.Pass)]
    public void The_AU_goal_is_a_level_of_ten_percent_for_every_intended_service(double oneDrive, CriterionResult expected)
    {
        Assert.Equal(expected, Result(Ready().AU(OneDrive, oneDrive), "ActiveUsageGoalMet"));
    }

    [Fact]
    public void The_AU_goal_is_unknown_until_every_intended_service_is_measured_and_a_plan_target_above_ten_counts()
    {
        Assert.Equal(CriterionResult.Unknown, Result(new PlanBuilder().Live(Teams, Exchange).AU(Teams, 50), "ActiveUsageGoalMet"));
        Assert.Equal(CriterionResult.Fail, Result(Ready().With(p => p.Service(Teams).TargetAU = 20), "ActiveUsageGoalMet"));
    }

    [Fact]
    public void The_customer_s_own_success_metrics_met_are_the_alternative_to_the_AU_goal()
    {
        var builder = Ready().AU(OneDrive, 3).With(p => p.SuccessMetrics.Add(new SuccessMetric { Name = "Files in OneDrive", Target = 1000, Current = 1200 }));
        var criterion = builder.Criteria.Single(c => c.Id == "ActiveUsageGoalMet");
        Assert.Equal(CriterionResult.Pass, criterion.Result);
        Assert.Contains("success metrics are met", criterion.Evidence);
    }

    [Fact]
    public void The_CSM_leads_modern_comms_only_after_the_handshake_and_SMB_customers_are_exempt()
    {
        Assert.Equal(CriterionResult.Fail, Result(Ready().With(p => p.Task(3731).Status = TaskState.InProgress), "CsmLeadsModernComms"));
        Assert.Equal(CriterionResult.Fail, Result(Ready().With(p => p.Csm = null), "CsmLeadsModernComms"));
        Assert.Equal(CriterionResult.Pass, Result(Ready().With(p => { p.Csm = null; p.Segment = CustomerSegment.SMB; }), "CsmLeadsModernComms"));
    }

    [Fact]
    public void Training_and_tracking_need_evidence_for_every_intended_service()
    {
        Assert.Equal(CriterionResult.Fail, Result(Ready().With(p => p.Training.RemoveAt(1)), "UsersTrained"));
        Assert.Equal(CriterionResult.Fail, Result(Ready().AU(OneDrive, 12, daysAgo: 60), "SuccessGoalsTracked"));
        Assert.Equal(CriterionResult.Fail, Result(Ready().With(p => p.SuccessMetrics.Add(new SuccessMetric { Name = "x", Target = 1 })), "SuccessGoalsTracked"));
    }

    [Fact]
    public void A_failing_criterion_blocks_the_promotion_action()
    {
        Assert.DoesNotContain(Ready().AU(Teams, 2).Actions, a => a.Kind == NextActionKind.Promote);
    }
}
