using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;
using FastTrack.Core.Text;
using static FastTrack.Core.Playbook.M365Service;

namespace FastTrack.Core.Tests.Rules;

/// <summary>Each rule of the page with the facts that trigger it and those that do not.</summary>
public sealed class PlaybookRulesTests
{
    // "For accounts with CSM assigned to the customer and for each of these 3 enabled workloads Outlook
    // Mobile, Teams, and Yammer execute the appropriate task to conduct a "handshake" to the CSM"
    [Theory]
    [InlineData(Teams, 3731, true, true, Applicability.Optional)]
    [InlineData(Yammer, 3732, true, true, Applicability.Optional)]
    [InlineData(OutlookMobile, 3733, true, true, Applicability.Optional)]
    [InlineData(Teams, 3731, false, true, Applicability.NotApplicable)]   // no CSM
    [InlineData(Teams, 3731, true, false, Applicability.NotApplicable)]   // not enabled
    [InlineData(Yammer, 3732, false, false, Applicability.NotApplicable)]
    public void Handshake_task_applies_when_a_CSM_is_assigned_and_the_workload_is_enabled(M365Service workload, int task, bool csm, bool enabled, Applicability expected)
    {
        var builder = new PlanBuilder();
        if (csm) builder.Csm();
        if (enabled) builder.Live(workload); else builder.Intended(workload);
        var decision = builder.Evaluation.Tasks.Single(t => t.TaskId == task);
        Assert.Equal(expected, decision.Applicability);
        Assert.Equal(workload, decision.Service);
        Assert.Contains(csm ? (enabled ? "is assigned" : "is not enabled") : "no CSM is assigned", decision.Why);
    }

    // "If a CSM is assigned and the workload is Outlook Mobile, Teams or Yammer, do not execute the Schedule
    // Success Check-in Meetings or Encourage Customer to Track Adoption Progress tasks."
    [Theory]
    [InlineData(true, Teams, Applicability.Suppressed)]
    [InlineData(true, OutlookMobile, Applicability.Suppressed)]
    [InlineData(true, OneDrive, Applicability.Optional)]      // not a Modern Comms workload: still applies
    [InlineData(false, Teams, Applicability.Optional)]        // no CSM: still applies
    public void Check_ins_and_tracking_are_suppressed_for_workloads_handed_to_the_CSM(bool csm, M365Service service, Applicability expected)
    {
        var builder = new PlanBuilder().Live(service);
        if (csm) builder.Csm();
        var evaluation = builder.Evaluation;
        Assert.Equal(expected, evaluation.Activity("ScheduleCheckIns", service).Applicability);
        Assert.Equal(expected, evaluation.Activity("TrackAdoptionProgress", service).Applicability);
        if (expected == Applicability.Suppressed)
            Assert.Contains("do not execute the Schedule Success Check-in Meetings", evaluation.Activity("ScheduleCheckIns", service).Why);
    }

    // "If customer agrees to participate in the Microsoft Adoption Service Program ..." with 3740, 3741 (M), 3743 (O)
    [Theory]
    [InlineData(ProgramDecision.Accepted, Applicability.Mandatory, Applicability.Mandatory, Applicability.Optional)]
    [InlineData(ProgramDecision.Undecided, Applicability.AwaitingDecision, Applicability.AwaitingDecision, Applicability.AwaitingDecision)]
    [InlineData(ProgramDecision.Declined, Applicability.NotApplicable, Applicability.NotApplicable, Applicability.NotApplicable)]
    public void OneDrive_adoption_program_tasks_follow_the_customer_s_decision(ProgramDecision decision, Applicability t3740, Applicability t3741, Applicability t3743)
    {
        var evaluation = new PlanBuilder().Live(OneDrive).With(p => p.Programs.OneDriveAdoption = decision).Evaluation;
        Assert.Equal(new[] { t3740, t3741, t3743 },
            new[] { 3740, 3741, 3743 }.Select(id => evaluation.Tasks.Single(t => t.TaskId == id).Applicability));
    }

    [Fact]
    public void An_undecided_program_makes_asking_the_customer_the_next_action()
    {
        var actions = new PlanBuilder().Live(OneDrive).Actions;
        var ask = Assert.Single(actions, a => a.Kind == NextActionKind.CustomerDecision);
        Assert.Contains("Microsoft Adoption Service Program", ask.Title);
        Assert.Contains("If customer agrees to participate", ask.Why);
        Assert.DoesNotContain(new PlanBuilder().Live(Teams).Actions, a => a.Kind == NextActionKind.CustomerDecision); // OneDrive not intended
    }

    // "Customer is determined to need a service specific focus to drive AU." Task 3650 is the Microsoft 365
    // Apps accelerator (reading 5): an accelerator for another service is the activity with no FTOP task.
    [Fact]
    public void Task_3650_is_the_Microsoft_365_Apps_accelerator_and_other_services_get_the_activity_alone()
    {
        var builder = new PlanBuilder().Live(Microsoft365Apps, SharePoint, Teams)
            .With(p => p.Programs.ServiceAcceleration = new JoinedList<M365Service> { SharePoint, Teams });
        var task = Assert.Single(builder.Evaluation.Tasks, t => t.TaskId == 3650);
        Assert.Equal(Microsoft365Apps, task.Service);
        Assert.Equal(Applicability.NotApplicable, task.Applicability);   // not requested for Microsoft 365 Apps
        var activity = Assert.Single(builder.Actions, a => a.Activity == "ServiceAccelerator");
        Assert.Null(activity.TaskId);
        Assert.Equal(new[] { Teams, SharePoint }, activity.Services.OrderBy(s => s));
        Assert.Contains("the page lists no FTOP task for SharePoint", activity.Why);

        var apps = new PlanBuilder().Live(Microsoft365Apps).With(p => p.Programs.ServiceAcceleration = new JoinedList<M365Service> { Microsoft365Apps });
        Assert.Equal(Applicability.Optional, apps.Evaluation.Tasks.Single(t => t.TaskId == 3650).Applicability);
        Assert.DoesNotContain(apps.Actions, a => a.Activity == "ServiceAccelerator" && a.TaskId is null);
        Assert.Single(apps.Plan.Tasks, t => t.TaskId == 3650);
        Assert.Equal(Microsoft365Apps, apps.Plan.Tasks.Single(t => t.TaskId == 3650).Service);
    }

    // Issue 20: Microsoft 365 Copilot is not on the 2020 page. The activities for every service reach it (the accelerator
    // among them, without an FTOP task: 3650 is Microsoft 365 Apps'), the CSM handshake of the three named workloads does not.
    [Fact]
    public void Copilot_gets_the_accelerator_and_check_ins_and_never_the_CSM_handshake()
    {
        var builder = new PlanBuilder().Csm().Live(Microsoft365Copilot)
            .With(p => p.Programs.ServiceAcceleration = new JoinedList<M365Service> { Microsoft365Copilot });
        var evaluation = builder.Evaluation;
        Assert.True(evaluation.Activity("ServiceAccelerator", Microsoft365Copilot).Applies);
        Assert.Equal(Applicability.Optional, evaluation.Activity("ScheduleCheckIns", Microsoft365Copilot).Applicability);   // not handed to the CSM
        Assert.Equal(Applicability.Optional, evaluation.Activity("TrackAdoptionProgress", Microsoft365Copilot).Applicability);
        Assert.DoesNotContain(evaluation.Activities, a => a.Activity == "CsmHandshake" && a.Service == Microsoft365Copilot);
        Assert.Empty(evaluation.TasksFor(Microsoft365Copilot));
        var accelerate = Assert.Single(builder.Actions, a => a.Activity == "ServiceAccelerator");
        Assert.Null(accelerate.TaskId);
        Assert.Equal(new[] { Microsoft365Copilot }, accelerate.Services);
        Assert.Contains("the page lists no FTOP task for Microsoft365Copilot", accelerate.Why);
        Assert.DoesNotContain(builder.Actions, a => a.Activity == "CsmHandshake" && a.Services.Contains(Microsoft365Copilot));
    }

    // Key input: "The customer enabled intended service(s) and communicated their availability ..."
    [Fact]
    public void Missing_key_inputs_become_next_actions()
    {
        var actions = new PlanBuilder().Intended(Teams).Intended(OneDrive, PlanBuilder.Today.AddDays(-3)).Live(Exchange).Actions;
        var inputs = actions.Where(a => a.Kind == NextActionKind.KeyInput).Select(a => a.Title).ToList();
        Assert.Equal(new[] { "Enable Teams", "Communicate OneDrive to users" }, inputs);
    }

    // "Provide support to identify, address, and resolve blockers/challenges impacting the customer's AU"
    [Fact]
    public void Blockers_on_services_below_target_come_first_and_others_after_the_tasks()
    {
        var actions = new PlanBuilder().Csm().Live(Teams, OneDrive).AU(Teams, 4.2).AU(OneDrive, 31)
            .With(p => PlanChanges.AddBlocker(OneDrive, "Sync client old", null, null, PlanBuilder.Today)(p))
            .With(p => PlanChanges.AddBlocker(Teams, "Proxy blocks media", null, null, PlanBuilder.Today)(p))
            .Actions.ToList();
        Assert.Equal(NextActionKind.ResolveBlocker, actions[0].Kind);
        Assert.Equal(2, actions[0].BlockerId);
        Assert.Contains("Teams AU is 4.2%", actions[0].Why);
        var followUp = Assert.Single(actions, a => a.Kind == NextActionKind.FollowUpBlocker);
        Assert.Equal(1, followUp.BlockerId);
        Assert.True(actions.IndexOf(followUp) > actions.FindLastIndex(a => a.Kind == NextActionKind.Task));
        Assert.Equal(Enumerable.Range(1, actions.Count), actions.Select(a => a.Order));
    }

    [Fact]
    public void Outstanding_mandatory_tasks_come_before_optional_ones_and_done_tasks_drop_out()
    {
        var builder = new PlanBuilder().Csm().Live(Teams, OneDrive).With(p => p.Programs.OneDriveAdoption = ProgramDecision.Accepted);
        var ids = builder.Actions.Where(a => a.Kind == NextActionKind.Task).Select(a => a.TaskId).ToList();
        Assert.Equal(new int?[] { 3740, 3741, 3731, 3743 }, ids);
        builder.Task(3740, TaskState.Done).Task(3731, TaskState.NotApplicable, "CSM already leads Teams");
        Assert.Equal(new int?[] { 3741, 3743 }, builder.Actions.Where(a => a.Kind == NextActionKind.Task).Select(a => a.TaskId));
        // Not applicable without a reason is not closed: the action asks for the reason.
        builder.Task(3741, TaskState.NotApplicable);
        var reason = Assert.Single(builder.Actions, a => a.TaskId == 3741);
        Assert.StartsWith("Record why 3741", reason.Title);
    }

    [Fact]
    public void Check_ins_are_asked_for_services_not_handed_to_the_CSM_until_one_is_scheduled()
    {
        var builder = new PlanBuilder().Csm().Live(Teams, OneDrive, SharePoint);
        var checkIns = Assert.Single(builder.Actions, a => a.Activity == "ScheduleCheckIns");
        Assert.Equal(new[] { OneDrive, SharePoint }, checkIns.Services);
        builder.CheckIn(7, CheckInStatus.Planned, OneDrive, SharePoint);
        Assert.DoesNotContain(builder.Actions, a => a.Activity == "ScheduleCheckIns");
    }

    [Fact]
    public void Every_condition_the_catalogue_names_is_known()
    {
        var named = PlaybookCatalog.Default.Activities.SelectMany(a => a.AppliesWhen.Concat(a.DoneWhen is null ? Array.Empty<string>() : new[] { a.DoneWhen }));
        Assert.All(named, n => Assert.Contains(n, Conditions.Names));
    }
}
