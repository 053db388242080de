using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Rules;

/// <summary>Applies the catalogue's activities and tasks to a plan, service by service. Which activity
/// applies when, which one it suppresses, and which decision it waits on are the catalogue's data; this
/// class only combines them. A task applies to the service the page's table names for it (3650 is the
/// Microsoft 365 Apps accelerator, reading 5): an activity that applies to another service is an activity
/// without an FTOP task there.</summary>
public static class PlaybookEvaluator
{
    public static PlaybookEvaluation Evaluate(RuleFacts facts)
    {
        var catalog = facts.Catalog;
        var activities = new List<ActivityDecision>();
        foreach (var activity in catalog.Activities)
        {
            foreach (var service in catalog.Services.Select(s => s.Id).Where(activity.AppliesToService))
                activities.Add(Decide(facts, activity, service));
        }
        ApplySuppressions(facts, activities);

        var tasks = new List<TaskDecision>();
        foreach (var activity in catalog.Activities)
        {
            foreach (var task in activity.Tasks)
                tasks.Add(DecideTask(facts, activity, task, activities.First(a => a.Activity == activity.Id && a.Service == task.Service)));
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
        var name = activity.Name(facts.Culture);
        var rule = FirstSentence(activity.Rule(facts.Culture));
        var conditions = Conditions.EvaluateAll(activity.AppliesWhen, facts, service);
        if (conditions.Holds)
            return new ActivityDecision(activity.Id, name, service, Applicability.Optional, conditions.Fact, rule);

        // An activity that waits on a customer decision is pending while undecided, once everything else holds.
        if (activity.Decision == "OneDriveAdoption" && facts.Plan.Programs.OneDriveAdoption == ProgramDecision.Undecided
            && Conditions.EvaluateAll(activity.AppliesWhen.Where(c => c != "OneDriveAdoptionAccepted"), facts, service).Holds)
        {
            return new ActivityDecision(activity.Id, name, service, Applicability.AwaitingDecision, facts.Say("Fact.ProgramPending"), rule);
        }
        return new ActivityDecision(activity.Id, name, service, Applicability.NotApplicable, conditions.Fact, rule);
    }

    // "If a CSM is assigned and the workload is Outlook Mobile, Teams or Yammer, do not execute the Schedule
    // Success Check-in Meetings or Encourage Customer to Track Adoption Progress tasks."
    private static void ApplySuppressions(RuleFacts facts, List<ActivityDecision> decisions)
    {
        foreach (var applying in decisions.Where(d => d.Applies).ToList())
        {
            var definition = facts.Catalog.Activity(applying.Activity);
            foreach (var suppressed in decisions.Where(d => d.Service == applying.Service && definition.SuppressesForSameWorkload.Contains(d.Activity) && d.Applies))
            {
                suppressed.Applicability = Applicability.Suppressed;
                suppressed.Facts = facts.Say("Fact.Suppressed", applying.ActivityName, applying.Service, applying.Facts);
                suppressed.Rule = LastSentence(definition.Rule(facts.Culture));
            }
        }
    }

    private static TaskDecision DecideTask(RuleFacts facts, ActivityDefinition activity, TaskDefinition task, ActivityDecision decision)
    {
        var progress = facts.Plan.FindTask(task.Id, task.Service) ?? new TaskProgress { TaskId = task.Id, Service = task.Service };
        var name = task.Name(facts.Culture);
        if (!decision.Applies)
            return new TaskDecision(task.Id, name, activity.Id, decision.Service, decision.Applicability, decision.Why, progress);
        var level = task.Mandatory ? Applicability.Mandatory : Applicability.Optional;
        var why = facts.Say(task.Mandatory ? "Task.WhyMandatory" : "Task.WhyOptional", decision.Facts, task.Id, activity.Name(facts.Culture));
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
