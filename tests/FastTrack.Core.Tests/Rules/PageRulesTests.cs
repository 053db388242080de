using System.Text.RegularExpressions;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;
using static FastTrack.Core.Playbook.M365Service;

namespace FastTrack.Core.Tests.Rules;

/// <summary>One row per rule: the sentence of the page (English original) that decides it, a plan that meets
/// the rule's condition, and what the module must conclude. The sentence is checked against the page, so a row
/// can only cite what the page says.</summary>
public sealed class PageRulesTests
{
    public sealed record Rule(string Name, string PageSays, Func<PlanBuilder> Arrange, Func<PlanBuilder, bool> Holds)
    {
        public override string ToString() => Name;
    }

    private static PlanBuilder Ready() => new PlanBuilder().Csm().Live(Teams, OneDrive).AU(Teams, 14.5).AU(OneDrive, 10.0)
        .Task(3731, TaskState.Done).Trained(Teams, 300).Trained(OneDrive, 300).TrackingShown()
        .With(p => p.Programs.OneDriveAdoption = ProgramDecision.Declined);

    private static bool Promotable(PlanBuilder b) => SuccessCriteria.AllowPromotion(b.Criteria) && b.Actions.Any(a => a.Kind == NextActionKind.Promote);

    public static TheoryData<Rule> Rules => new()
    {
        new("Handshake task for each enabled workload when a CSM is assigned",
            "For accounts with CSM assigned to the customer and for each of these 3 enabled workloads Outlook Mobile, Teams, and Yammer execute the appropriate task",
            () => new PlanBuilder().Csm().Live(Yammer),
            b => b.Evaluation.Tasks.Single(t => t.TaskId == 3732).Applicability == Applicability.Optional),
        new("No handshake without a CSM",
            "For accounts with CSM assigned to the customer",
            () => new PlanBuilder().Live(Yammer),
            b => b.Evaluation.Tasks.Single(t => t.TaskId == 3732).Applicability == Applicability.NotApplicable),
        new("Handed-over workloads get no check-ins nor tracking nudges",
            "If a CSM is assigned and the workload is Outlook Mobile, Teams or Yammer, do not execute the Schedule Success Check-in Meetings or Encourage Customer to Track Adoption Progress tasks.",
            () => new PlanBuilder().Csm().Live(Teams),
            b => b.Evaluation.Activity("ScheduleCheckIns", Teams).Applicability == Applicability.Suppressed
                 && b.Evaluation.Activity("TrackAdoptionProgress", Teams).Applicability == Applicability.Suppressed),
        new("Without a CSM the CSM outcome does not apply and check-ins run for every workload",
            "When a Customer Success Manager (CSM) is aligned to a customer and a Modern Communications service (Outlook Mobile, Teams or Yammer) is enabled, contact the CSM",
            () => Ready().With(p => p.Csm = null),
            b => b.Criterion("CsmLeadsModernComms").Result == CriterionResult.NotApplicable
                 && b.Evaluation.Activity("ScheduleCheckIns", Teams).Applicability == Applicability.Optional && Promotable(b)),
        new("Only intended, enabled workloads count for the CSM outcome",
            "The CSM leads adoption and success activities for Modern Communications services.",
            () => Ready().EnabledOnly(Yammer),
            b => b.Criterion("CsmLeadsModernComms").Result == CriterionResult.Pass),
        new("The adoption program's tasks apply once the customer agrees: 3740 and 3741 mandatory",
            "If customer agrees to participate in the Microsoft Adoption Service Program, schedule check-in calls to track the customer adoption progress.",
            () => new PlanBuilder().Live(OneDrive).With(p => p.Programs.OneDriveAdoption = ProgramDecision.Accepted),
            b => b.Evaluation.Tasks.Where(t => t.TaskId is 3740 or 3741).All(t => t.Applicability == Applicability.Mandatory)
                 && b.Evaluation.Tasks.Single(t => t.TaskId == 3743).Applicability == Applicability.Optional),
        new("An open mandatory task blocks the promotion",
            "| 3740    | OneDrive - Conduct OneDrive Adoption Program Introduction |            M",
            () => Ready().With(p => p.Programs.OneDriveAdoption = ProgramDecision.Accepted),
            b => b.Criterion("MandatoryTasksDone").Result == CriterionResult.Fail && !Promotable(b)),
        new("3650 is the Microsoft 365 Apps accelerator only",
            "| 3650    | Microsoft 365 Apps - Microsoft 365 Apps Acceleration |            O             | FastTrack Manager | Microsoft 365 Apps |",
            () => new PlanBuilder().Live(Teams).With(p => p.Programs.ServiceAcceleration = new FastTrack.Core.Text.JoinedList<FastTrack.Core.Playbook.M365Service> { Teams }),
            b => b.Evaluation.Tasks.Single(t => t.TaskId == 3650).Service == Microsoft365Apps
                 && b.Actions.Any(a => a.Activity == "ServiceAccelerator" && a.TaskId is null && a.Services.Contains(Teams))),
        new("At least 10% AU for every intended service",
            "Customer meets or exceeds 10% AU target for all intended services.",
            () => Ready().AU(OneDrive, 9.9),
            b => b.Criterion("ActiveUsageGoalMet").Result == CriterionResult.Fail && !Promotable(b)),
        new("A service meets the goal by its own success metric instead",
            "increase AU to the minimal 10% or a usage metric aligned with the customer's success criteria",
            () => Ready().AU(OneDrive, 4).With(p => PlanChanges.SetSuccessMetric("Departments in OneDrive", OneDrive, 12, 14, null)(p)),
            b => b.Criterion("ActiveUsageGoalMet").Result == CriterionResult.Pass),
        new("A metric of one service excuses no other",
            "Customer meets or exceeds 10% AU target for all intended services.",
            () => Ready().AU(OneDrive, 4).With(p => PlanChanges.SetSuccessMetric("Teams meetings", Teams, 500, 640, null)(p)),
            b => b.Criterion("ActiveUsageGoalMet").Result == CriterionResult.Fail),
        new("Users trained: training that reaches the licensed users of every intended service",
            "Employees/end users are generally aware of how to use new services/capabilities by receiving some form of training",
            () => Ready().With(p => p.Training.RemoveAll(t => t.Service == OneDrive)).Trained(OneDrive, 3),
            b => b.Criterion("UsersTrained").Result == CriterionResult.Fail),
        new("Tracking: the customer was shown how to track progress",
            "Customer meets planned/expected Success goals and understands how to manage/track progress (e.g., O365 Adoption Content Pack).",
            () => Ready().With(p => p.Tracking.Clear()),
            b => b.Criterion("SuccessGoalsTracked").Result == CriterionResult.Fail),
        new("Key input: every intended service enabled and communicated",
            "The customer enabled intended service(s) and communicated their availability, benefits, and capabilities to all impacted parties.",
            () => Ready().With(p => p.Service(OneDrive).CommunicatedOn = null),
            b => b.Criterion("ServicesEnabledAndCommunicated").Result == CriterionResult.Fail
                 && b.Actions.Any(a => a.Kind == NextActionKind.KeyInput && a.Title == "Communicate OneDrive to users")),
        new("Every key outcome met: promote to the success review (3735)",
            "Move customer to the [Conduct Success Review](success-conduct-success-review-partner.md) process of the Success Phase.",
            Ready,
            b => Promotable(b) && b.Actions.Last().TaskId == 3735),
        new("Once promoted, no actions of this phase",
            "Move customer to the [Conduct Success Review](success-conduct-success-review-partner.md) process of the Success Phase.",
            () => Ready().With(p => p.Phase = PlanPhase.SuccessReview),
            b => b.Actions.Count == 0),
        new("Check-ins held or missed show the cadence, without gating the promotion",
            "Maintain a regular communication cadence with the customer by offering encouragement and guidance to realize and sustain momentum.",
            () => Ready().CheckIn(-14, CheckInStatus.Missed, OneDrive).CheckIn(-7, CheckInStatus.Held, OneDrive),
            b => b.Criterion("CheckInCadence").Evidence.StartsWith("1 of 2 past check-ins held, 1 missed") && !b.Criterion("CheckInCadence").Gates && Promotable(b)),
        new("Blockers on services below target come first",
            "Provide support to identify, address, and resolve blockers/challenges impacting the customer's AU and adoption experience.",
            () => Ready().AU(OneDrive, 5).With(p => PlanChanges.AddBlocker(OneDrive, "Sync client not deployed", null, null, PlanBuilder.Today)(p)),
            b => b.Actions[0].Kind == NextActionKind.ResolveBlocker),
    };

    private static readonly string Page = Regex.Replace(
        File.ReadAllText(TestData.Path("playbook", "success-support-success-execution-partner.md")).Replace("\u200B", "").Replace("**", ""), @"\s+", " ");

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_module_concludes_what_the_page_says(Rule rule)
    {
        Assert.Contains(Regex.Replace(rule.PageSays, @"\s+", " "), Page);
        Assert.True(rule.Holds(rule.Arrange()), rule.Name);
    }
}
