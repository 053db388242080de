using System;
using System.Collections.Generic;
using System.Linq;

namespace FastTrack.Core.Rules;

/// <summary>Checks the page's key inputs and key outcomes, and the playbook's other checks (mandatory
/// tasks, the check-in cadence), against a plan. Every gating one must pass or not apply before the customer
/// moves on to Conduct Success Review (shared/playbook/README.md, 6).</summary>
public static class SuccessCriteria
{
    private delegate (CriterionResult Result, string Evidence) Check(RuleFacts facts, PlaybookEvaluation evaluation);

    private static readonly Dictionary<string, Check> s_checks = new()
    {
        ["ServicesEnabledAndCommunicated"] = EnabledAndCommunicatedCheck.Evaluate,
        ["CsmLeadsModernComms"] = CsmLeadsCheck.Evaluate,
        ["UsersTrained"] = UsersTrainedCheck.Evaluate,
        ["SuccessGoalsTracked"] = SuccessGoalsTrackedCheck.Evaluate,
        ["ActiveUsageGoalMet"] = ActiveUsageGoalCheck.Evaluate,
        ["MandatoryTasksDone"] = MandatoryTasksCheck.Evaluate,
        ["CheckInCadence"] = CheckInCadenceCheck.Evaluate,
    };

    public static IReadOnlyList<SuccessCriterion> Evaluate(PlaybookEvaluation evaluation)
    {
        var facts = evaluation.Facts;
        var catalog = facts.Catalog;
        var all = catalog.KeyInputs.Select(c => (c.Id, Text: c.Text(facts.Culture), Kind: "KeyInput", Gates: true))
            .Concat(catalog.KeyOutcomes.Select(c => (c.Id, Text: c.Text(facts.Culture), Kind: "KeyOutcome", Gates: true)))
            .Concat(catalog.Checks.Select(c => (c.Id, Text: c.Text(facts.Culture), c.Kind, c.Gates)));
        var results = new List<SuccessCriterion>();
        foreach (var (id, text, kind, gates) in all)
        {
            var (result, evidence) = s_checks.TryGetValue(id, out var check)
                ? check(facts, evaluation)
                : throw new InvalidOperationException($"The playbook catalogue names a criterion '{id}' that has no check. Known: {string.Join(", ", s_checks.Keys)}.");
            results.Add(new SuccessCriterion(id, kind, text, result, evidence, gates)
            {
                TenantId = facts.Plan.TenantId,
                Customer = facts.Plan.Customer,
            });
        }
        return results;
    }

    /// <summary>True when nothing that gates the promotion fails or is unknown.</summary>
    public static bool AllowPromotion(IEnumerable<SuccessCriterion> criteria) => criteria.Where(c => c.Gates).All(c => c.IsMet);
}
