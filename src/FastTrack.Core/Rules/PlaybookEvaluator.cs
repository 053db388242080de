using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Rules;

/// <summary>Applies the catalogue's activities and tasks to a plan, service by service. Which activity
/// applies when, which one it suppresses, and which decision it waits on are the catalogue's data; this
/// class only combines them.</summary>
public static class PlaybookEvaluator
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static PlaybookEvaluation Evaluate(RuleFacts facts)
    {
        var catalog = facts.Catalog;
        var activities = new List<ActivityDecision>();
        foreach (var activity in catalog.Activities)
        {
            foreach (var service in catalog.Services.Select(s => s.Id).Where(activity.AppliesToService))
                activities.Add(Decide(facts, activity, service));
        }
        ApplySuppressions(catalog, activities);

        var tasks = new List<TaskDecision>();
        foreach (var activity in catalog.Activities)
        {
            foreach (var task in activity.Tasks)
            {
                var services = activity.TasksFollowRequestedService
                    ? activities.Where(a => a.Activity == activity.Id && a.Applies).Select(a => a.Service).DefaultIfEmpty(task.Service)
                    : new[] { task.Service };
                foreach (var service in services.Distinct())
                    tasks.Add(DecideTask(facts, activity, task, activities.First(a => a.Activity == activity.Id && a.Service == service)));
            }
        }
        foreach (var task in tasks)
        {
            task.TenantId = facts.Plan.TenantId;
            task.Customer = facts.Plan.Customer;
        }
        return new PlaybookEvaluation(facts, activities, tasks);
    }

    private static ActivityDecision Decide(RuleFacts facts, ActivityDefinition activity, M365Service service)
    {
        var name = activity.Name(English);
        var rule = FirstSentence(activity.Rule(English));
        var conditions = Conditions.EvaluateAll(activity.AppliesWhen, facts, service);
        if (conditions.Holds)
            return new ActivityDecision(activity.Id, name, service, Applicability.Optional, conditions.Fact, rule);

        // An activity that waits on a customer decision is pending while undecided, once everything else holds.
        if (activity.Decision == "OneDriveAdoption" && facts.Plan.Programs.OneDriveAdoption == ProgramDecision.Undecided
            && Conditions.EvaluateAll(activity.AppliesWhen.Where(c => c != "OneDriveAdoptionAccepted"), facts, service).Holds)
        {
            return new ActivityDecision(activity.Id, name, service, Applicability.AwaitingDecision,
                "the customer has not said whether it takes part in the program", rule);
        }
        return new ActivityDecision(activity.Id, name, service, Applicability.NotApplicable, conditions.Fact, rule);
    }

    // "If a CSM is assigned and the workload is Outlook Mobile, Teams or Yammer, do not execute the Schedule
    // Success Check-in Meetings or Encourage Customer to Track Adoption Progress tasks."
    private static void ApplySuppressions(PlaybookCatalog catalog, List<ActivityDecision> decisions)
    {
        foreach (var applying in decisions.Where(d => d.Applies).ToList())
        {
            var suppresses = catalog.Activity(applying.Activity).SuppressesForSameWorkload;
            foreach (var suppressed in decisions.Where(d => d.Service == applying.Service && suppresses.Contains(d.Activity) && d.Applies))
            {
                suppressed.Applicability = Applicability.Suppressed;
                suppressed.Facts = $"{applying.ActivityName} applies to {applying.Service} ({applying.Facts})";
                suppressed.Rule = LastSentence(catalog.Activity(applying.Activity).Rule(English));
            }
        }
    }

    private static TaskDecision DecideTask(RuleFacts facts, ActivityDefinition activity, TaskDefinition task, ActivityDecision decision)
    {
        var progress = facts.Plan.Task(task.Id);
        var name = task.Name(English);
        if (!decision.Applies)
            return new TaskDecision(task.Id, name, activity.Id, decision.Service, decision.Applicability, decision.Why, progress);
        var level = task.Mandatory ? Applicability.Mandatory : Applicability.Optional;
        var why = $"{decision.Facts}; the page lists task {task.Id} as {(task.Mandatory ? "(M)andatory" : "(O)ptional")} under {activity.Name(English)}";
        return new TaskDecision(task.Id, name, activity.Id, decision.Service, level, why, progress);
    }

    // The rule texts quote the page; the first sentence states when the activity applies, the last one
    // (for the handshake) what it rules out.
    private static string FirstSentence(string text)
    {
        var end = text.IndexOf(". ", System.StringComparison.Ordinal);
        return end < 0 ? text : text.Substring(0, end + 1);
    }

    private static string LastSentence(string text)
    {
        var start = text.TrimEnd('.').LastIndexOf(". ", System.StringComparison.Ordinal);
        return start < 0 ? text : text.Substring(start + 2);
    }
}
