using System;
using System.Collections.Generic;
using System.Globalization;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Rules;

/// <summary>The playbook applied to one plan at once: decisions, criteria and ordered next actions.
/// What Get-FtNextAction, Test-FtSuccessCriteria, Get-FtTask and the promotion read.</summary>
public sealed class PlanAdvice
{
    private PlanAdvice(PlaybookEvaluation evaluation, IReadOnlyList<SuccessCriterion> criteria, IReadOnlyList<NextAction> actions)
    {
        Evaluation = evaluation;
        Criteria = criteria;
        Actions = actions;
    }

    public PlaybookEvaluation Evaluation { get; }
    public IReadOnlyList<SuccessCriterion> Criteria { get; }
    public IReadOnlyList<NextAction> Actions { get; }
    public CustomerPlan Plan => Evaluation.Facts.Plan;

    public static PlanAdvice For(CustomerPlan plan, PlaybookCatalog catalog, DateTime today, CultureInfo culture,
        IReadOnlyDictionary<M365Service, UsageFact>? usage = null)
    {
        var facts = new RuleFacts(catalog, plan, usage ?? PlanUsageFacts.Latest(plan), today, culture);
        var evaluation = PlaybookEvaluator.Evaluate(facts);
        var criteria = SuccessCriteria.Evaluate(evaluation);
        return new PlanAdvice(evaluation, criteria, NextActionPlanner.Plan(evaluation, criteria));
    }
}
