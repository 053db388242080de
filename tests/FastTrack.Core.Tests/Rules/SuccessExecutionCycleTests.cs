using System.Globalization;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;
using FastTrack.Core.Sample;
using FastTrack.Core.Workspaces;
using static FastTrack.Core.Playbook.M365Service;
using FastTrack.Core.Workflow;

namespace FastTrack.Core.Tests.Rules;

/// <summary>The whole cycle on the sample tenant, on a real workspace: a new plan, scheduled runs that
/// measure and save AU, the handshake, the OneDrive program, training, the customer's own metric, and
/// the promotion to the success review — each run saying what changed since the last.</summary>
public sealed class SuccessExecutionCycleTests : IDisposable
{
    private static readonly DateTime LastDay = new(2026, 11, 22);
    private readonly TempDirectory _dir = new();
    private readonly PlanStore _store;
    private readonly SampleUsageSource _sample = new(new SampleTenant(new SampleTenantOptions { LastDay = LastDay, Users = 1000 }));

    public SuccessExecutionCycleTests() => _store = new PlanStore(new Workspace(_dir.Path), PlaybookCatalog.Default);

    public void Dispose() => _dir.Dispose();

    private DateTime Day(int index) => _sample.Tenant.Options.FirstDay.AddDays(index);

    /// <summary>A scheduled run the morning after the reports of <paramref name="asOf"/> refreshed.</summary>
    private SuccessExecutionResult RunOn(DateTime asOf, bool save = true)
    {
        var plan = _store.Read(SampleTenantOptions.ContosoTenantId);
        var run = SuccessExecution.Prepare(plan, PlaybookCatalog.Default, _sample, new DateTimeOffset(asOf.AddDays(1).AddHours(6)), CultureInfo.InvariantCulture, asOf);
        if (save) Assert.True(run.Save(_store, null));
        return run.Result;
    }

    private void Change(Action<CustomerPlan> change) => _store.Update(SampleTenantOptions.ContosoTenantId, null, false, change);

    private static IEnumerable<RunChangeKind> Kinds(SuccessExecutionResult result) => result.Changes.Select(c => c.Kind);

    [Fact]
    public void From_a_new_plan_to_the_success_review()
    {
        var plan = CustomerPlan.New(PlaybookCatalog.Default, SampleTenantOptions.ContosoTenantId, "Contoso", DateTimeOffset.Now);
        plan.Csm = new Contact { Name = "Avery Smith", Email = "avery@contoso.com" };
        foreach (var service in new[] { Teams, OneDrive, SharePoint })
        {
            plan.Service(service).Intended = true;
            plan.Service(service).EnabledOn = Day(0);
            plan.Service(service).CommunicatedOn = Day(3);
        }
        _store.Create(plan);

        // Run 1, a month in: Teams is under 10%, the OneDrive program is undecided, Teams awaits the handshake.
        var first = RunOn(Day(30));
        Assert.Contains(RunChangeKind.FirstRun, Kinds(first));
        Assert.Equal(new[] { Teams, OneDrive, SharePoint }, first.Measured.Select(m => m.Service));
        Assert.True(first.Measured[0].ActiveUsagePercent < 10);
        Assert.Contains(first.Changes, c => c.Kind == RunChangeKind.Usage && c.Subject == "Teams");
        Assert.Equal(NextActionKind.CustomerDecision, first.NextActions[0].Kind);
        Assert.Contains(first.NextActions, a => a.TaskId == 3731);
        Assert.Equal(3, _store.Read(plan.TenantId).UsageHistory.Count);
        Assert.Equal(first.Measured[0].ActiveUsagePercent, _store.Read(plan.TenantId).Service(Teams).BaselineAU);

        // The customer accepts the OneDrive program, the CSM handshake for Teams is done, users are trained.
        Change(p =>
        {
            p.Programs.OneDriveAdoption = ProgramDecision.Accepted;
            p.Programs.OneDriveAdoptionDecidedOn = Day(32);
        });
        var advice = PlanAdvice.For(_store.Read(plan.TenantId), PlaybookCatalog.Default, Day(33), CultureInfo.InvariantCulture);
        Change(Handshake.Plan(advice, null, TaskState.Done, Day(33)).Change);
        foreach (var service in new[] { Teams, OneDrive, SharePoint }) Change(PlanChanges.AddTraining(service, Day(40), "All staff", 300));
        Change(PlanChanges.AddTrackingEvidence(TrackingTool.AdminCenterUsageReports, Day(41), "Jordan Lee", "Contoso IT", new[] { OneDrive, SharePoint }, null));

        // Run 2, at the end of the history: Teams climbed past its target; the program's tasks are new actions.
        var second = RunOn(LastDay);
        Assert.Contains(second.Changes, c => c.Kind == RunChangeKind.TargetReached && c.Subject == "Teams");
        Assert.Contains(second.Changes, c => c.Kind == RunChangeKind.ActionClosed && c.Subject.Contains("3731"));
        Assert.Contains(second.Changes, c => c.Kind == RunChangeKind.NewAction && c.Subject.Contains("3741"));
        Assert.Contains(second.Changes, c => c.Kind == RunChangeKind.CriterionPassed && c.Subject == "UsersTrained");
        Assert.DoesNotContain(RunChangeKind.FirstRun, Kinds(second));
        var oneDrive = second.Measured.Single(m => m.Service == OneDrive);
        Assert.True(oneDrive.MeetsTarget == false, $"OneDrive is the program candidate, under 10%: {oneDrive}");
        Assert.Contains(second.Criteria, c => c.Id == "ActiveUsageGoalMet" && c.Result == CriterionResult.Fail);
        Assert.Contains(second.Criteria, c => c.Id == "MandatoryTasksDone" && c.Result == CriterionResult.Fail && c.Evidence.Contains("3740"));

        // A Teams metric met does not excuse OneDrive (issue 14.2) ...
        Change(PlanChanges.SetSuccessMetric("Teams meetings per week", Teams, 500, 640, "meetings"));
        Assert.Contains(RunOn(LastDay, save: false).Criteria, c => c.Id == "ActiveUsageGoalMet" && c.Result == CriterionResult.Fail && c.Evidence.Contains("OneDrive"));
        // ... but OneDrive's own metric, met, does; the program is delivered, so its mandatory tasks are done.
        Change(PlanChanges.SetSuccessMetric("Departments with files in OneDrive", OneDrive, 12, 14, null));
        Assert.DoesNotContain(RunOn(LastDay, save: false).Changes, c => c.Kind == RunChangeKind.ReadyForPromotion);
        Change(PlanChanges.SetTask(3740, null, TaskState.Done, null, null, null, null, null, LastDay));
        Change(PlanChanges.SetTask(3741, null, TaskState.Done, null, null, null, null, null, LastDay));

        // Run 3 under -WhatIf: the same answer, nothing written.
        var before = File.ReadAllBytes(Path.Combine(_dir.Path, "plans", plan.TenantId + ".json"));
        var preview = RunOn(LastDay, save: false);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(_dir.Path, "plans", plan.TenantId + ".json")));
        Assert.Contains(RunChangeKind.ReadyForPromotion, Kinds(preview));

        // Run 3 for real: ready for the review; the same report day is not re-announced as a usage change.
        var third = RunOn(LastDay);
        Assert.Contains(RunChangeKind.ReadyForPromotion, Kinds(third));
        Assert.DoesNotContain(RunChangeKind.Usage, Kinds(third));
        Assert.All(third.Criteria.Where(c => c.Gates), c => Assert.True(c.IsMet, $"{c.Id}: {c.Result} {c.Evidence}"));
        Assert.Equal(6, _store.Read(plan.TenantId).UsageHistory.Count); // two report days × three services

        var ready = PlanAdvice.For(_store.Read(plan.TenantId), PlaybookCatalog.Default, LastDay.AddDays(1), CultureInfo.InvariantCulture);
        Change(Promotion.ToSuccessReview(ready, force: false, reason: null, by: "ftm", now: DateTimeOffset.Now));
        var promoted = _store.Read(plan.TenantId);
        Assert.Equal(PlanPhase.SuccessReview, promoted.Phase);
        // Promoted: the nightly run says so and proposes no action of this phase any more (issue 14.6).
        var last = RunOn(LastDay);
        Assert.Empty(last.NextActions);
        Assert.Equal(PlanPhase.SuccessReview, last.Phase);
        Assert.Contains(RunChangeKind.Promoted, Kinds(last));
        Assert.DoesNotContain(RunChangeKind.ReadyForPromotion, Kinds(last));
    }

    [Fact]
    public void A_plan_without_a_source_still_gets_its_next_actions_and_nothing_is_measured()
    {
        var plan = CustomerPlan.New(PlaybookCatalog.Default, Guid.NewGuid(), "Fabrikam", DateTimeOffset.Now);
        plan.Service(Teams).Intended = true;
        _store.Create(plan);
        var run = SuccessExecution.Prepare(_store.Read(plan.TenantId), PlaybookCatalog.Default, null, DateTimeOffset.Now, CultureInfo.InvariantCulture);
        Assert.Null(run.Result.Source);
        Assert.Empty(run.Result.Measured);
        Assert.Contains(run.Result.NextActions, a => a.Kind == NextActionKind.KeyInput);
        Assert.True(run.Save(_store, null));
        Assert.NotNull(_store.Read(plan.TenantId).LastRun);
    }
}
