using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Rules;

/// <summary>The playbook applied to one plan: every activity and task per service, with why.</summary>
public sealed class PlaybookEvaluation
{
    internal PlaybookEvaluation(RuleFacts facts, IReadOnlyList<ActivityDecision> activities, IReadOnlyList<TaskDecision> tasks)
    {
        Facts = facts;
        Activities = activities;
        Tasks = tasks;
    }

    public RuleFacts Facts { get; }
    public IReadOnlyList<ActivityDecision> Activities { get; }
    public IReadOnlyList<TaskDecision> Tasks { get; }

    public ActivityDecision Activity(string activity, M365Service service) =>
        Activities.First(a => a.Activity == activity && a.Service == service);

    public IEnumerable<TaskDecision> TasksFor(M365Service service) => Tasks.Where(t => t.Service == service);
}
