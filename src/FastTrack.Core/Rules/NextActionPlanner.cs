using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Text;

namespace FastTrack.Core.Rules;

/// <summary>Orders what to do now for one plan in the success execution phase: blockers on services below
/// target first, then missing key inputs, customer decisions, outstanding FTOP tasks (mandatory before
/// optional), activities without tasks (check-ins to hold and record, tracking to show, accelerators of
/// services without an FTOP task), other blockers, and finally the promotion to the success review when
/// every gating criterion passes. A plan already promoted gets no actions of this phase.</summary>
public static class NextActionPlanner
{
    public static IReadOnlyList<NextAction> Plan(PlaybookEvaluation evaluation, IReadOnlyList<SuccessCriterion> criteria)
    {
        var facts = evaluation.Facts;
        var plan = facts.Plan;
        if (plan.Phase is PlanPhase.SuccessReview or PlanPhase.Closed) return Array.Empty<NextAction>();

        var actions = new List<NextAction>();
        actions.AddRange(Blockers(facts));
        actions.AddRange(KeyInputs(facts));
        actions.AddRange(Decisions(evaluation));
        actions.AddRange(Tasks(evaluation));
        actions.AddRange(CheckInsToRecord(facts));
        actions.AddRange(ActivitiesWithoutTasks(evaluation));
        if (SuccessCriteria.AllowPromotion(criteria))
        {
            var next = facts.Catalog.NextStep;
            actions.Add(new NextAction(NextActionKind.Promote, facts.Say("Action.Promote", next.Process(facts.Culture), next.TaskId),
                facts.Say("Why.Promote", next.Text(facts.Culture))) { TaskId = next.TaskId });
        }

        var ordered = actions.OrderBy(a => a.Kind).ToList(); // stable: keeps the order within a kind
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Order = i + 1;
            ordered[i].TenantId = plan.TenantId;
            ordered[i].Customer = plan.Customer;
        }
        return ordered;
    }

    private static IEnumerable<NextAction> Blockers(RuleFacts facts)
    {
        foreach (var blocker in facts.Plan.OpenBlockers.OrderBy(b => b.Opened).ThenBy(b => b.Id))
        {
            var belowTarget = blocker.Service is not { } s || facts.MeetsTarget(s) != true;
            var usage = blocker.Service is { } service ? facts.UsageText(service) : facts.Say("Why.BlockerNoService");
            yield return new NextAction(belowTarget ? NextActionKind.ResolveBlocker : NextActionKind.FollowUpBlocker,
                facts.Say("Action.ResolveBlocker", blocker.Id, blocker.Description), facts.Say("Why.Blocker", usage))
            {
                BlockerId = blocker.Id,
                Services = blocker.Service is { } b ? JoinedList.Of(b) : new(),
            };
        }
    }

    private static IEnumerable<NextAction> KeyInputs(RuleFacts facts)
    {
        var keyInput = facts.Catalog.KeyInputs.First().Text(facts.Culture);
        foreach (var service in facts.Plan.Services.Where(s => s.Intended))
        {
            if (service.EnabledOn is null)
                yield return new NextAction(NextActionKind.KeyInput, facts.Say("Action.Enable", service.Service), facts.Say("Why.NotEnabled", service.Service, keyInput)) { Services = JoinedList.Of(service.Service) };
            else if (service.CommunicatedOn is null)
                yield return new NextAction(NextActionKind.KeyInput, facts.Say("Action.Communicate", service.Service),
                    facts.Say("Why.NotCommunicated", service.Service, service.EnabledOn, keyInput)) { Services = JoinedList.Of(service.Service) };
        }
    }

    private static IEnumerable<NextAction> Decisions(PlaybookEvaluation evaluation) =>
        evaluation.Activities.Where(a => a.Applicability == Applicability.AwaitingDecision).Select(pending =>
            new NextAction(NextActionKind.CustomerDecision, evaluation.Facts.Say("Action.AskDecision", pending.ActivityName, pending.Service), pending.Why)
            {
                Services = JoinedList.Of(pending.Service),
                Activity = pending.Activity,
            });

    private static IEnumerable<NextAction> Tasks(PlaybookEvaluation evaluation)
    {
        var facts = evaluation.Facts;
        foreach (var task in evaluation.Tasks.Where(t => t.IsOutstanding)
                     .OrderBy(t => t.Applicability == Applicability.Mandatory ? 0 : 1).ThenBy(t => t.Due ?? DateTime.MaxValue).ThenBy(t => t.TaskId))
        {
            var title = task.Status == TaskState.NotApplicable
                ? facts.Say("Action.TaskReason", task.TaskId, task.Name)
                : $"{task.TaskId} {task.Name}";
            yield return new NextAction(NextActionKind.Task, title, task.Why)
            {
                TaskId = task.TaskId,
                Services = JoinedList.Of(task.Service),
                Activity = task.Activity,
                Requirement = task.Applicability,
                Due = task.Due,
            };
        }
    }

    // A check-in whose date has passed and that nobody recorded: the cadence cannot be shown without it.
    private static IEnumerable<NextAction> CheckInsToRecord(RuleFacts facts) =>
        facts.Plan.CheckIns.Where(c => c.IsPlanned && c.Date.Date < facts.Today).OrderBy(c => c.Date).Select(c =>
            new NextAction(NextActionKind.Activity, facts.Say("Action.RecordCheckIn", c.Id, c.Date), facts.Say("Why.RecordCheckIn", c.Id))
            {
                Services = c.Services.ToJoinedList(),
                Activity = "ScheduleCheckIns",
                CheckInId = c.Id,
                Requirement = Applicability.Optional,
            });

    // An activity that applies to a service for which the page lists no FTOP task: open until its
    // "doneWhen" condition holds (a check-in scheduled, tracking shown), or, without one, while it applies.
    private static IEnumerable<NextAction> ActivitiesWithoutTasks(PlaybookEvaluation evaluation)
    {
        var facts = evaluation.Facts;
        foreach (var activity in facts.Catalog.Activities)
        {
            var open = evaluation.Activities
                .Where(d => d.Activity == activity.Id && d.Applies && activity.Tasks.All(t => t.Service != d.Service)
                            && (activity.DoneWhen is null || !Conditions.Evaluate(activity.DoneWhen, facts, d.Service).Holds))
                .ToList();
            if (open.Count == 0) continue;
            var services = open.Select(d => d.Service).ToJoinedList();
            var why = activity.DoneWhen is null
                ? string.Join("; ", open.Select(d => facts.Say("Why.NoTaskForService", d.Facts, d.Service)))
                : string.Join("; ", services.Select(s => Conditions.Evaluate(activity.DoneWhen, facts, s).Fact));
            yield return new NextAction(NextActionKind.Activity, $"{activity.Name(facts.Culture)}: {string.Join(", ", services)}",
                facts.Say("Why.Activity", why, open[0].Rule)) { Services = services, Activity = activity.Id, Requirement = Applicability.Optional };
        }
    }
}
