using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Rules;

/// <summary>Orders what to do now for one plan: blockers on services below target first, then missing key
/// inputs, customer decisions, outstanding FTOP tasks (mandatory before optional), activities without
/// tasks, other blockers, and finally the promotion to the success review when the criteria pass.</summary>
public static class NextActionPlanner
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IReadOnlyList<NextAction> Plan(PlaybookEvaluation evaluation, IReadOnlyList<SuccessCriterion> criteria)
    {
        var facts = evaluation.Facts;
        var plan = facts.Plan;
        var actions = new List<NextAction>();

        foreach (var blocker in plan.OpenBlockers.OrderBy(b => b.Opened).ThenBy(b => b.Id))
        {
            var belowTarget = blocker.Service is not { } s || facts.MeetsTarget(s) != true;
            var usage = blocker.Service is { } service ? facts.UsageText(service) : "it is not tied to one service";
            actions.Add(new NextAction(belowTarget ? NextActionKind.ResolveBlocker : NextActionKind.FollowUpBlocker,
                $"Resolve blocker #{blocker.Id}: {blocker.Description}",
                $"{usage}; the playbook asks to \"identify, address, and resolve blockers/challenges impacting the customer's AU\"")
            {
                BlockerId = blocker.Id,
                Services = blocker.Service is { } b ? new[] { b } : new M365Service[0],
            });
        }

        var keyInput = facts.Catalog.KeyInputs.First().Text(English);
        foreach (var service in plan.Services.Where(s => s.Intended))
        {
            if (service.EnabledOn is null)
                actions.Add(new NextAction(NextActionKind.KeyInput, $"Enable {service.Service}", $"{service.Service} is intended but not enabled; key input: \"{keyInput}\"") { Services = new[] { service.Service } });
            else if (service.CommunicatedOn is null)
                actions.Add(new NextAction(NextActionKind.KeyInput, $"Communicate {service.Service} to users",
                    $"{service.Service} was enabled on {service.EnabledOn:yyyy-MM-dd} but its availability, benefits and capabilities were not communicated; key input: \"{keyInput}\"") { Services = new[] { service.Service } });
        }

        foreach (var pending in evaluation.Activities.Where(a => a.Applicability == Applicability.AwaitingDecision))
        {
            actions.Add(new NextAction(NextActionKind.CustomerDecision,
                $"Ask the customer whether it takes part in the {pending.ActivityName} for {pending.Service}",
                $"{pending.Facts}: \"{pending.Rule}\"") { Services = new[] { pending.Service }, Activity = pending.Activity });
        }

        foreach (var task in evaluation.Tasks.Where(t => t.IsOutstanding)
                     .OrderBy(t => t.Applicability == Applicability.Mandatory ? 0 : 1).ThenBy(t => t.Due ?? System.DateTime.MaxValue).ThenBy(t => t.TaskId))
        {
            actions.Add(new NextAction(NextActionKind.Task, $"{task.TaskId} {task.Name}", task.Why)
            {
                TaskId = task.TaskId,
                Services = new[] { task.Service },
                Activity = task.Activity,
                Requirement = task.Applicability,
                Due = task.Due,
            });
        }

        foreach (var activity in facts.Catalog.Activities.Where(a => a.Tasks.Count == 0 && a.DoneWhen is not null))
        {
            var open = evaluation.Activities
                .Where(d => d.Activity == activity.Id && d.Applies && !Conditions.Evaluate(activity.DoneWhen!, facts, d.Service).Holds)
                .ToList();
            if (open.Count == 0) continue;
            var services = open.Select(d => d.Service).ToArray();
            var why = string.Join("; ", services.Select(s => Conditions.Evaluate(activity.DoneWhen!, facts, s).Fact));
            actions.Add(new NextAction(NextActionKind.Activity, $"{activity.Name(English)}: {string.Join(", ", services)}",
                $"{why}: \"{open[0].Rule}\"") { Services = services, Activity = activity.Id, Requirement = Applicability.Optional });
        }

        if (criteria.All(c => c.Result == CriterionResult.Pass))
        {
            var next = facts.Catalog.NextStep;
            actions.Add(new NextAction(NextActionKind.Promote, $"Promote to {next.Process(English)} (task {next.TaskId})",
                $"every key input and key outcome passes: \"{next.Text(English)}\"") { TaskId = next.TaskId });
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
}
