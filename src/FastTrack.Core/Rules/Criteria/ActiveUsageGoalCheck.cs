using System.Linq;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Rules;

/// <summary>Key outcome: "Customer meets or exceeds 10% AU target for all intended services" — each service
/// by its AU target, or by its own success metrics (reading 2). A metric without a service is a customer-wide
/// goal and replaces no service's AU.</summary>
internal static class ActiveUsageGoalCheck
{
    public static (CriterionResult, string) Evaluate(RuleFacts facts, PlaybookEvaluation evaluation)
    {
        var intended = facts.Plan.IntendedServices.ToList();
        if (intended.Count == 0) return (CriterionResult.Unknown, facts.Say("Ev.NoIntendedService"));
        var verdicts = intended.Select(s => Verdict(facts, s)).ToList();
        var failed = verdicts.Where(v => v.Result == CriterionResult.Fail).ToList();
        var unknown = verdicts.Where(v => v.Result == CriterionResult.Unknown).ToList();
        if (failed.Count > 0) return (CriterionResult.Fail, facts.Say("Ev.BelowTarget", string.Join("; ", failed.Select(v => v.Text))));
        if (unknown.Count > 0) return (CriterionResult.Unknown, facts.Say("Ev.NotMeasured", string.Join("; ", unknown.Select(v => v.Text))));
        return (CriterionResult.Pass, string.Join("; ", verdicts.Select(v => v.Text)));
    }

    private static (CriterionResult Result, string Text) Verdict(RuleFacts facts, M365Service service)
    {
        var metrics = facts.MetricsOf(service);
        if (facts.MeetsTarget(service) == true) return (CriterionResult.Pass, facts.UsageText(service));
        if (metrics.Count > 0 && metrics.All(m => m.IsMet == true))
            return (CriterionResult.Pass, facts.Say("Ev.MetByMetrics", service, string.Join(", ", metrics)) + " (" + facts.UsageText(service) + ")");
        var text = facts.UsageText(service);
        if (metrics.Count > 0) text += "; " + facts.Say("Ev.MetricsNotMet", string.Join(", ", metrics));
        return (facts.MeetsTarget(service) == false ? CriterionResult.Fail : CriterionResult.Unknown, text);
    }
}
