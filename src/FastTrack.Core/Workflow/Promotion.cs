using System;
using System.Linq;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;

namespace FastTrack.Core.Workflow;

/// <summary>Moving a customer to the success review: allowed when every gating criterion passes or does not
/// apply (key inputs, key outcomes, the mandatory FTOP tasks), or when forced with a reason, which the plan
/// keeps with who and when.</summary>
public static class Promotion
{
    public static Action<CustomerPlan> ToSuccessReview(PlanAdvice advice, bool force, string? reason, string by, DateTimeOffset now)
    {
        var plan = advice.Plan;
        if (plan.Phase is PlanPhase.SuccessReview or PlanPhase.Closed)
        {
            throw WorkflowErrors.AlreadyPromoted(plan).ToException();
        }
        var failing = advice.Criteria.Where(c => c.Gates && !c.IsMet).ToList();
        if (failing.Count > 0 && !force)
        {
            throw WorkflowErrors.SuccessCriteriaNotMet(plan, failing).ToException();
        }
        if (failing.Count > 0 && string.IsNullOrWhiteSpace(reason))
        {
            throw WorkflowErrors.ReasonRequired(plan, failing.Count).ToException();
        }
        var failed = failing.Select(c => $"{c.Id}: {c.Result}").ToList();
        return PlanChanges.ChangePhase(PlanPhase.SuccessReview, by, now, failing.Count > 0, reason, failed);
    }
}
