using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;

namespace FastTrack.Core.Workflow;

/// <summary>What a check-in is about: each service's AU against its target, the open blockers, and the
/// first next actions, as the plan stands when the agenda is written.</summary>
public static class CheckInAgenda
{
    public static IReadOnlyList<string> For(PlanAdvice advice, CheckIn checkIn)
    {
        var facts = advice.Evaluation.Facts;
        var lines = new List<string> { "Services (AU vs target):" };
        lines.AddRange(checkIn.Services.Select(s => "- " + facts.UsageText(s)));
        var blockers = advice.Plan.OpenBlockers.Where(b => b.Service is null || checkIn.Services.Contains(b.Service.Value)).ToList();
        lines.Add(blockers.Count == 0 ? "Open blockers: none" : "Open blockers:");
        lines.AddRange(blockers.Select(b => $"- #{b.Id} {(b.Service is { } s ? s + ": " : "")}{b.Description}"));
        var actions = advice.Actions.Take(3).ToList();
        if (actions.Count > 0)
        {
            lines.Add("Next actions:");
            lines.AddRange(actions.Select(a => $"{a.Order}. {a.Title}"));
        }
        return lines;
    }
}
