using FastTrack.Core.Plans;
using FastTrack.Core.Rules;
using static FastTrack.Core.Playbook.M365Service;

namespace FastTrack.Core.Tests.Rules;

/// <summary>The page's key inputs and outcomes and the playbook's other checks, each passing, failing, unknown
/// and not applicable; promotion allowed only when every gating one passes or does not apply.</summary>
public sealed class SuccessCriteriaTests
{
    private static CriterionResult Result(PlanBuilder builder, string id) => builder.Criterion(id).Result;

    /// <summary>Teams handed to the CSM, both services at target, trained to 30% and tracked.</summary>
    private static PlanBuilder Ready() => new PlanBuilder().Csm().Live(Teams, OneDrive).AU(Teams, 14.5).AU(OneDrive, 10.0)
        .Task(3731, TaskState.Done).Trained(Teams, 300).Trained(OneDrive, 300).TrackingShown()
        .With(p => p.Programs.OneDriveAdoption = ProgramDecision.Declined);

    [Fact]
    public void A_customer_at_target_trained_tracked_and_handed_over_passes_everything_and_may_be_promoted()
    {
        var builder = Ready();
        Assert.All(builder.Criteria.Where(c => c.Gates), c => Assert.True(c.IsMet, $"{c.Id}: {c.Result} {c.Evidence}"));
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

    // Issue 14.2: a metric belongs to its service; a service meets the goal by its AU target or by its own metrics.
    [Fact]
    public void A_met_metric_of_one_service_does_not_excuse_the_others()
    {
        var builder = new PlanBuilder().Live(Teams, Yammer, OneDrive).AU(Teams, 4).AU(Yammer, 6).AU(OneDrive, 8)
            .With(p => PlanChanges.SetSuccessMetric("Teams meetings per week", Teams, 500, 640, null)(p));
        var criterion = builder.Criterion("ActiveUsageGoalMet");
        Assert.Equal(CriterionResult.Fail, criterion.Result);
        Assert.Contains("Yammer AU is 6.0%", criterion.Evidence);
        Assert.Contains("OneDrive AU is 8.0%", criterion.Evidence);
        Assert.DoesNotContain("Teams", criterion.Evidence);   // Teams meets the goal by its own metric

        // Teams passes by its own metric although its AU is 4%; lifting Yammer and OneDrive passes the outcome.
        var met = builder.AU(Yammer, 11).AU(OneDrive, 12).Criterion("ActiveUsageGoalMet");
        Assert.Equal(CriterionResult.Pass, met.Result);
        Assert.Contains("Teams meets its own success metrics: Teams meetings per week", met.Evidence);
    }

    [Fact]
    public void A_customer_wide_metric_replaces_no_service_s_AU_and_counts_among_the_success_goals()
    {
        var builder = Ready().AU(OneDrive, 3).With(p => PlanChanges.SetSuccessMetric("Files shared", null, 1000, 1200, null)(p));
        Assert.Equal(CriterionResult.Fail, Result(builder, "ActiveUsageGoalMet"));
        Assert.Equal(CriterionResult.Pass, Result(builder, "SuccessGoalsTracked"));
        Assert.Contains("customer-wide success metrics met: Files shared", builder.Criterion("SuccessGoalsTracked").Evidence);
        builder.With(p => PlanChanges.SetSuccessMetric("Files shared", null, null, 900, null)(p));
        Assert.Equal(CriterionResult.Fail, Result(builder, "SuccessGoalsTracked"));
    }

    [Theory]
    [InlineData(MetricDirection.HigherIsBetter, 40, false)]
    [InlineData(MetricDirection.HigherIsBetter, 60, true)]
    [InlineData(MetricDirection.LowerIsBetter, 40, true)]
    [InlineData(MetricDirection.LowerIsBetter, 60, false)]
    public void Metrics_say_whether_higher_or_lower_is_better(MetricDirection direction, double current, bool met)
    {
        Assert.Equal(met, new SuccessMetric { Name = "x", Target = 50, Current = current, Direction = direction }.IsMet);
    }

    // Issue 14.3: only intended, enabled Modern Comms workloads count; NotApplicable never fails anything.
    [Fact]
    public void Handshakes_of_workloads_nobody_intended_do_not_gate_the_CSM_outcome()
    {
        var builder = Ready().EnabledOnly(Yammer).EnabledOnly(OutlookMobile);
        Assert.Equal(CriterionResult.Pass, Result(builder, "CsmLeadsModernComms"));
        Assert.True(SuccessCriteria.AllowPromotion(builder.Criteria));
        Assert.Equal(CriterionResult.Fail, Result(Ready().Task(3731, TaskState.InProgress), "CsmLeadsModernComms"));
        Assert.Equal(CriterionResult.Pass, Result(Ready().Task(3731, TaskState.NotApplicable, "the CSM ran the Teams launch"), "CsmLeadsModernComms"));
        Assert.Equal(CriterionResult.Fail, Result(Ready().Task(3731, TaskState.NotApplicable), "CsmLeadsModernComms"));
    }

    // Issue 14.4: "When a Customer Success Manager (CSM) is aligned to a customer ..." — no CSM, no CSM outcome.
    [Fact]
    public void A_customer_without_a_CSM_is_not_held_back_by_the_CSM_outcome_and_gets_check_ins_for_every_workload()
    {
        var builder = Ready().With(p => p.Csm = null);
        var criterion = builder.Criterion("CsmLeadsModernComms");
        Assert.Equal(CriterionResult.NotApplicable, criterion.Result);
        Assert.Contains("no CSM is aligned", criterion.Evidence);
        Assert.True(SuccessCriteria.AllowPromotion(builder.Criteria));
        Assert.Equal(Applicability.Optional, builder.Evaluation.Activity("ScheduleCheckIns", Teams).Applicability);
        Assert.Equal(Applicability.Optional, builder.Evaluation.Activity("TrackAdoptionProgress", Teams).Applicability);
    }

    // Issue 14.1: every mandatory task that applies must be closed before promotion.
    [Fact]
    public void Open_mandatory_tasks_of_an_accepted_adoption_program_block_the_promotion_and_say_which()
    {
        var builder = Ready().With(p => p.Programs.OneDriveAdoption = ProgramDecision.Accepted);
        var criterion = builder.Criterion("MandatoryTasksDone");
        Assert.Equal(CriterionResult.Fail, criterion.Result);
        Assert.Contains("3740 OneDrive - Conduct OneDrive Adoption Program Introduction (NotStarted)", criterion.Evidence);
        Assert.Contains("3741", criterion.Evidence);
        Assert.DoesNotContain(builder.Actions, a => a.Kind == NextActionKind.Promote);
        Assert.False(SuccessCriteria.AllowPromotion(builder.Criteria));

        builder.Task(3740, TaskState.Done).Task(3741, TaskState.NotApplicable, "workshop replaced by the customer's own");
        Assert.Equal(CriterionResult.Pass, Result(builder, "MandatoryTasksDone"));
        Assert.Contains("3741 (not applicable: workshop replaced", builder.Criterion("MandatoryTasksDone").Evidence);
        Assert.True(SuccessCriteria.AllowPromotion(builder.Criteria));
    }

    [Fact]
    public void Mandatory_tasks_are_unknown_while_the_program_decision_is_pending_and_not_applicable_without_one()
    {
        Assert.Equal(CriterionResult.Unknown, Result(Ready().With(p => p.Programs.OneDriveAdoption = ProgramDecision.Undecided), "MandatoryTasksDone"));
        Assert.Equal(CriterionResult.NotApplicable, Result(Ready(), "MandatoryTasksDone"));
    }

    // Issue 14.7: the customer shown how to track, not the partner's measurement.
    [Fact]
    public void Tracking_needs_the_evidence_that_the_customer_was_shown_how_to_track_each_service()
    {
        var untracked = new PlanBuilder().Csm().Live(Teams, OneDrive).AU(Teams, 14.5).AU(OneDrive, 10.0).Task(3731, TaskState.Done);
        var criterion = untracked.Criterion("SuccessGoalsTracked");
        Assert.Equal(CriterionResult.Fail, criterion.Result);
        Assert.Contains("how to track OneDrive", criterion.Evidence);
        Assert.DoesNotContain("how to track Teams", criterion.Evidence);   // handed to the CSM: the CSM's to track
        Assert.Contains(untracked.Actions, a => a.Activity == "TrackAdoptionProgress" && a.Services.SequenceEqual(new[] { OneDrive }));

        untracked.TrackingShown(OneDrive);
        Assert.Equal(CriterionResult.Pass, Result(untracked, "SuccessGoalsTracked"));
        Assert.Contains("with AdoptionScore on 2026-11-14 by Jordan Lee", untracked.Criterion("SuccessGoalsTracked").Evidence);
        Assert.DoesNotContain(untracked.Actions, a => a.Activity == "TrackAdoptionProgress");
    }

    // Issue 14.11: training reach against the licensed users, for every intended service.
    [Fact]
    public void Training_is_counted_against_the_licensed_users_of_every_intended_service()
    {
        var builder = new PlanBuilder().Live(Teams, OneDrive).AU(Teams, 20, of: 3000).AU(OneDrive, 20, of: 3000).Trained(Teams, 12).Trained(OneDrive, 600);
        var criterion = builder.Criterion("UsersTrained");
        Assert.Equal(CriterionResult.Fail, criterion.Result);
        Assert.Contains("Teams: 12 of 3000 paid units trained (0.4%, target 10%)", criterion.Evidence);
        Assert.Contains("OneDrive: 600 of 3000 paid units trained (20.0%, target 10%)", criterion.Evidence);
        Assert.Equal(CriterionResult.Pass, Result(builder.Trained(Teams, 300), "UsersTrained"));
        Assert.Equal(CriterionResult.Fail, Result(builder.With(p => p.TrainingReachTarget = 25), "UsersTrained"));
        Assert.Equal(CriterionResult.Fail, Result(Ready().With(p => p.Training.RemoveAt(1)), "UsersTrained"));
        Assert.Equal(CriterionResult.Unknown, Result(new PlanBuilder().Live(Teams).Trained(Teams, 50), "UsersTrained"));
    }

    // Issue 14.9: check-ins held or missed; the criteria show the cadence kept, without holding back the promotion.
    [Fact]
    public void The_check_in_cadence_is_shown_from_the_recorded_meetings()
    {
        var builder = Ready().CheckIn(-28, CheckInStatus.Held, OneDrive).CheckIn(-14, CheckInStatus.Missed, OneDrive).CheckIn(-1, CheckInStatus.Planned, OneDrive).CheckIn(13, CheckInStatus.Planned, OneDrive);
        var cadence = builder.Criterion("CheckInCadence");
        Assert.False(cadence.Gates);
        Assert.Equal(CriterionResult.Fail, cadence.Result);
        Assert.Contains("1 of 3 past check-ins held, 1 missed, 1 not recorded", cadence.Evidence);
        Assert.Contains("missed: #2 2026-11-10", cadence.Evidence);
        Assert.Contains("next: #4 on 2026-12-07", cadence.Evidence);
        var record = Assert.Single(builder.Actions, a => a.CheckInId == 3);
        Assert.Equal("Record check-in #3 of 2026-11-23 as held or missed", record.Title);
        Assert.True(SuccessCriteria.AllowPromotion(builder.Criteria));

        PlanChanges.RecordCheckIn(3, CheckInStatus.Held, "AU review with the IT lead", "ftm", new DateTimeOffset(PlanBuilder.Today))(builder.Plan);
        Assert.Equal(CriterionResult.Pass, Result(builder, "CheckInCadence"));
        Assert.DoesNotContain(builder.Actions, a => a.CheckInId is not null);
        Assert.Equal("AU review with the IT lead", builder.Plan.CheckIns[2].Notes);
    }

    // Issue 14.6: no promotion action once promoted.
    [Fact]
    public void A_plan_in_the_success_review_gets_no_actions_of_this_phase()
    {
        var builder = Ready().With(p => p.Phase = PlanPhase.SuccessReview);
        Assert.Empty(builder.Actions);
    }

    // Issue 14.12: next actions and criteria in the culture asked for, from the catalogue.
    [Fact]
    public void Criteria_and_next_actions_speak_Spanish_when_asked()
    {
        var builder = new PlanBuilder().Live(Teams, OneDrive).AU(Teams, 4.2).Intended(Yammer).In("es-ES");
        var goal = builder.Criterion("ActiveUsageGoalMet");
        Assert.StartsWith("El cliente cumple o supera el objetivo del 10 % de AU", goal.Text);
        Assert.Contains("el AU de Teams es 4,2 %", goal.Evidence);
        Assert.Contains(builder.Actions, a => a.Title == "Habilitar Yammer");
        Assert.Contains(builder.Criteria, c => c.Evidence.Contains("no se habilitó") || c.Evidence.Contains("no está habilitado"));
        Assert.All(builder.Actions, a => Assert.DoesNotContain(" is not ", a.Why));
    }

    [Fact]
    public void Every_message_of_the_catalogue_is_in_English_and_Spanish_with_the_same_placeholders()
    {
        var catalog = FastTrack.Core.Playbook.PlaybookCatalog.Default;
        foreach (var id in catalog.MessageIds)
        {
            var en = catalog.Message(id, System.Globalization.CultureInfo.GetCultureInfo("en-US"), Enumerable.Range(0, 8).Select(i => (object)("<" + i + ">")).ToArray());
            var es = catalog.Message(id, System.Globalization.CultureInfo.GetCultureInfo("es-ES"), Enumerable.Range(0, 8).Select(i => (object)("<" + i + ">")).ToArray());
            Assert.NotEqual("", en);
            var placeholders = (string s) => System.Text.RegularExpressions.Regex.Matches(s, "<\\d>").Select(m => m.Value).OrderBy(v => v).Distinct();
            Assert.Equal(placeholders(en), placeholders(es));
        }
    }
}
