using System.Collections.Generic;
using System.Linq;

namespace FastTrack.Core.Rules;

/// <summary>Key outcome: "Customer meets planned/expected Success goals and understands how to manage/track
/// progress (e.g., O365 Adoption Content Pack)." Understanding is the recorded evidence that the customer was
/// shown how to track each intended service (admin center reports, Adoption Score, usage analytics) — not the
/// partner's own measurement; a workload handed to the CSM is the CSM's to track. The planned goals are the
/// customer-wide success metrics (a service's own metrics count toward that service's AU goal instead).</summary>
internal static class SuccessGoalsTrackedCheck
{
    public static (CriterionResult, string) Evaluate(RuleFacts facts, PlaybookEvaluation evaluation)
    {
        var intended = facts.Plan.IntendedServices.ToList();
        if (intended.Count == 0) return (CriterionResult.Unknown, facts.Say("Ev.NoIntendedService"));

        var gaps = new List<string>();
        var shown = new List<string>();
        foreach (var service in intended)
        {
            var activity = evaluation.Activity("TrackAdoptionProgress", service);
            if (activity.Applicability == Applicability.Suppressed)
            {
                shown.Add(facts.Say("Ev.TrackedByCsm", service));
                continue;
            }
            var tracking = Conditions.Evaluate("TrackingShown", facts, service);
            (tracking.Holds ? shown : gaps).Add(tracking.Fact);
        }

        var goals = facts.Plan.SuccessMetrics.Where(m => m.Service is null).ToList();
        var unmet = goals.Where(m => m.IsMet != true)
            .Select(m => m.Current is null ? facts.Say("Ev.MetricNoValue", m.Name) : facts.Say("Ev.MetricNotMet", m)).ToList();
        gaps.AddRange(unmet);
        if (gaps.Count > 0) return (CriterionResult.Fail, string.Join("; ", gaps));
        var met = goals.Count == 0 ? facts.Say("Ev.NoCustomerGoals") : facts.Say("Ev.CustomerGoalsMet", string.Join(", ", goals));
        return (CriterionResult.Pass, string.Join("; ", shown) + "; " + met);
    }
}
