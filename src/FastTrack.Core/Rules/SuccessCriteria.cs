using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Rules;

/// <summary>Checks the page's key inputs and key outcomes against a plan. All must pass before the
/// customer moves on to Conduct Success Review (shared/playbook/README.md, 6).</summary>
public static class SuccessCriteria
{
    public static IReadOnlyList<SuccessCriterion> Evaluate(PlaybookEvaluation evaluation, CultureInfo culture)
    {
        var facts = evaluation.Facts;
        var catalog = facts.Catalog;
        var results = new List<SuccessCriterion>();
        foreach (var input in catalog.KeyInputs)
            results.Add(Check(input, "KeyInput", facts, evaluation, culture));
        foreach (var outcome in catalog.KeyOutcomes)
            results.Add(Check(outcome, "KeyOutcome", facts, evaluation, culture));
        foreach (var result in results)
        {
            result.TenantId = facts.Plan.TenantId;
            result.Customer = facts.Plan.Customer;
        }
        return results;
    }

    private static SuccessCriterion Check(CatalogText criterion, string kind, RuleFacts facts, PlaybookEvaluation evaluation, CultureInfo culture)
    {
        var (result, evidence) = criterion.Id switch
        {
            "ServicesEnabledAndCommunicated" => EnabledAndCommunicated(facts.Plan),
            "CsmLeadsModernComms" => CsmLeads(facts, evaluation),
            "UsersTrained" => Trained(facts.Plan),
            "SuccessGoalsTracked" => Tracked(facts),
            "ActiveUsageGoalMet" => GoalMet(facts),
            _ => (CriterionResult.Unknown, $"no check is defined for '{criterion.Id}'"),
        };
        return new SuccessCriterion(criterion.Id, kind, criterion.Text(culture), result, evidence);
    }

    private static (CriterionResult, string) EnabledAndCommunicated(CustomerPlan plan)
    {
        var intended = plan.Services.Where(s => s.Intended).ToList();
        if (intended.Count == 0) return (CriterionResult.Fail, "the plan names no intended service");
        var missing = intended.Where(s => s.EnabledOn is null || s.CommunicatedOn is null)
            .Select(s => s.EnabledOn is null ? $"{s.Service} is not enabled" : $"{s.Service} was not communicated").ToList();
        return missing.Count == 0
            ? (CriterionResult.Pass, "every intended service was enabled and communicated: " + string.Join(", ", intended.Select(s => $"{s.Service} on {s.CommunicatedOn:yyyy-MM-dd}")))
            : (CriterionResult.Fail, string.Join("; ", missing));
    }

    private static (CriterionResult, string) CsmLeads(RuleFacts facts, PlaybookEvaluation evaluation)
    {
        var handshakes = evaluation.Tasks.Where(t => facts.Catalog.Activity(t.Activity).HandsWorkloadToCsm && t.Applies).ToList();
        var workloads = facts.Catalog.Services.Where(s => s.IsModernComms && facts.Plan.Service(s.Id).Intended && facts.Plan.Service(s.Id).EnabledOn is not null).Select(s => s.Id).ToList();
        if (workloads.Count == 0) return (CriterionResult.Pass, "does not apply: no Modern Communications workload (Teams, Yammer, Outlook Mobile) is intended and enabled");
        if (facts.Plan.Csm is null)
        {
            return facts.Plan.Segment == CustomerSegment.SMB
                ? (CriterionResult.Pass, "does not apply: SMB customers have no CSM; they are directed to the FastTrack adoption materials")
                : (CriterionResult.Fail, $"no CSM is assigned to lead {string.Join(", ", workloads)}");
        }
        var notHanded = handshakes.Where(t => t.Status != TaskState.Done).Select(t => $"{t.Service} (task {t.TaskId} {t.Status})").ToList();
        return notHanded.Count == 0
            ? (CriterionResult.Pass, $"CSM {facts.Plan.Csm.Name} owns {string.Join(", ", facts.HandedToCsm)} after the handshake")
            : (CriterionResult.Fail, $"not handed to CSM {facts.Plan.Csm.Name} yet: {string.Join(", ", notHanded)}");
    }

    private static (CriterionResult, string) Trained(CustomerPlan plan)
    {
        var intended = plan.IntendedServices.ToList();
        if (intended.Count == 0) return (CriterionResult.Unknown, "the plan names no intended service");
        var untrained = intended.Where(s => plan.Training.All(t => t.Service != s)).ToList();
        return untrained.Count == 0
            ? (CriterionResult.Pass, "training recorded for " + string.Join(", ", intended.Select(s => $"{s} ({plan.Training.Count(t => t.Service == s)})")))
            : (CriterionResult.Fail, "no training recorded for " + string.Join(", ", untrained));
    }

    private static (CriterionResult, string) Tracked(RuleFacts facts)
    {
        var intended = facts.Plan.IntendedServices.ToList();
        if (intended.Count == 0) return (CriterionResult.Unknown, "the plan names no intended service");
        var untracked = intended.Where(s => !Conditions.Evaluate("UsageTracked", facts, s).Holds).ToList();
        var unmeasuredMetrics = facts.Plan.SuccessMetrics.Where(m => m.Current is null).Select(m => m.Name).ToList();
        if (untracked.Count == 0 && unmeasuredMetrics.Count == 0)
            return (CriterionResult.Pass, $"AU of every intended service measured in the last {Conditions.TrackingFreshnessDays} days" +
                (facts.Plan.SuccessMetrics.Count > 0 ? $"; {facts.Plan.SuccessMetrics.Count} success metric(s) have current values" : ""));
        var gaps = untracked.Select(s => $"{s} AU not measured in the last {Conditions.TrackingFreshnessDays} days")
            .Concat(unmeasuredMetrics.Select(m => $"success metric '{m}' has no current value"));
        return (CriterionResult.Fail, string.Join("; ", gaps));
    }

    // "Customer meets or exceeds 10% AU target for all intended services" — or its own success metrics.
    private static (CriterionResult, string) GoalMet(RuleFacts facts)
    {
        var intended = facts.Plan.IntendedServices.ToList();
        var metrics = facts.Plan.SuccessMetrics;
        if (metrics.Count > 0 && metrics.All(m => m.IsMet == true))
            return (CriterionResult.Pass, "the customer's own success metrics are met: " + string.Join(", ", metrics.Select(m => m.ToString())));
        if (intended.Count == 0) return (CriterionResult.Unknown, "the plan names no intended service");
        var unmeasured = intended.Where(s => facts.MeetsTarget(s) is null).ToList();
        var below = intended.Where(s => facts.MeetsTarget(s) == false).ToList();
        if (below.Count > 0) return (CriterionResult.Fail, "below target: " + string.Join("; ", below.Select(facts.UsageText)));
        if (unmeasured.Count > 0) return (CriterionResult.Unknown, "not measured: " + string.Join(", ", unmeasured));
        return (CriterionResult.Pass, string.Join("; ", intended.Select(facts.UsageText)));
    }
}
