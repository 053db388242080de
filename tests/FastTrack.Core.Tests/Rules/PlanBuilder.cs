using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;

namespace FastTrack.Core.Tests.Rules;

/// <summary>Builds the facts of a rule test in a line or two.</summary>
internal sealed class PlanBuilder
{
    public static readonly DateTime Today = new(2026, 11, 24);
    private readonly Dictionary<M365Service, UsageFact> _usage = new();

    public CustomerPlan Plan { get; } = CustomerPlan.New(PlaybookCatalog.Default, Guid.Parse("6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11"), "Contoso", DateTimeOffset.Now);

    public PlanBuilder Csm(string name = "Avery Smith")
    {
        Plan.Csm = new Contact { Name = name, Email = "avery@example.com" };
        return this;
    }

    /// <summary>Intended, enabled and communicated, a month ago.</summary>
    public PlanBuilder Live(params M365Service[] services)
    {
        foreach (var s in services)
        {
            Plan.Service(s).Intended = true;
            Plan.Service(s).EnabledOn = Today.AddDays(-60);
            Plan.Service(s).CommunicatedOn = Today.AddDays(-55);
        }
        return this;
    }

    public PlanBuilder Intended(M365Service service, DateTime? enabled = null, DateTime? communicated = null)
    {
        Plan.Service(service).Intended = true;
        Plan.Service(service).EnabledOn = enabled;
        Plan.Service(service).CommunicatedOn = communicated;
        return this;
    }

    public PlanBuilder AU(M365Service service, double percent, int daysAgo = 1)
    {
        _usage[service] = new UsageFact(service, percent, Today.AddDays(-daysAgo));
        return this;
    }

    public PlanBuilder With(Action<CustomerPlan> change)
    {
        change(Plan);
        return this;
    }

    public RuleFacts Facts => new(PlaybookCatalog.Default, Plan, _usage, Today);
    public PlaybookEvaluation Evaluation => PlaybookEvaluator.Evaluate(Facts);
    public IReadOnlyList<SuccessCriterion> Criteria => SuccessCriteria.Evaluate(Evaluation, System.Globalization.CultureInfo.InvariantCulture);
    public IReadOnlyList<NextAction> Actions => NextActionPlanner.Plan(Evaluation, Criteria);
}
