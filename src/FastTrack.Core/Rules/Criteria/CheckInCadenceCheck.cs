using System.Linq;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Rules;

/// <summary>The objective "Maintain a regular communication cadence with the customer": shows the check-ins
/// held, missed and not yet recorded. It informs; it does not hold back the promotion.</summary>
internal static class CheckInCadenceCheck
{
    public static (CriterionResult, string) Evaluate(RuleFacts facts, PlaybookEvaluation evaluation)
    {
        var needed = evaluation.Activities.Where(a => a.Activity == "ScheduleCheckIns" && a.Applies).Select(a => a.Service).ToList();
        var checkIns = facts.Plan.CheckIns;
        if (needed.Count == 0 && checkIns.Count == 0) return (CriterionResult.NotApplicable, facts.Say("Ev.NoCheckInsNeeded"));
        if (checkIns.Count == 0) return (CriterionResult.Fail, facts.Say("Ev.NoCheckInsPlanned", string.Join(", ", needed)));

        var past = checkIns.Where(c => c.Date.Date < facts.Today).ToList();
        var held = past.Count(c => c.Status == CheckInStatus.Held);
        var missed = past.Where(c => c.Status == CheckInStatus.Missed).ToList();
        var unrecorded = past.Where(c => c.IsPlanned).ToList();
        var next = checkIns.Where(c => c.IsPlanned && c.Date.Date >= facts.Today).OrderBy(c => c.Date).FirstOrDefault();
        var text = facts.Say("Ev.Cadence", held, past.Count, missed.Count, unrecorded.Count)
            + (missed.Count > 0 ? "; " + facts.Say("Ev.Missed", string.Join(", ", missed.Select(c => $"#{c.Id} {c.Date:yyyy-MM-dd}"))) : "")
            + (unrecorded.Count > 0 ? "; " + facts.Say("Ev.Unrecorded", string.Join(", ", unrecorded.Select(c => $"#{c.Id} {c.Date:yyyy-MM-dd}"))) : "")
            + "; " + (next is null ? facts.Say("Ev.NoNextCheckIn") : facts.Say("Ev.NextCheckIn", next.Id, next.Date));
        var kept = unrecorded.Count == 0 && (past.Count == 0 || held > 0);
        return (kept ? CriterionResult.Pass : CriterionResult.Fail, text);
    }
}
