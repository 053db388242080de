using System.Globalization;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;
using FastTrack.Core.Text;

namespace FastTrack.Core.Tests.Rules;

/// <summary>Builds the facts of a rule test in a line or two.</summary>
public sealed class PlanBuilder
{
    public static readonly DateTime Today = new(2026, 11, 24);
    private readonly Dictionary<M365Service, UsageFact> _usage = new();
    private CultureInfo _culture = CultureInfo.InvariantCulture;

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

    /// <summary>Enabled but not intended: the customer switched it on without a plan for it.</summary>
    public PlanBuilder EnabledOnly(M365Service service)
    {
        Plan.Service(service).EnabledOn = Today.AddDays(-60);
        return this;
    }

    public PlanBuilder Intended(M365Service service, DateTime? enabled = null, DateTime? communicated = null)
    {
        Plan.Service(service).Intended = true;
        Plan.Service(service).EnabledOn = enabled;
        Plan.Service(service).CommunicatedOn = communicated;
        return this;
    }

    /// <summary>The latest AU of a service, measured against <paramref name="of"/> paid units.</summary>
    public PlanBuilder AU(M365Service service, double percent, int daysAgo = 1, long of = 1000)
    {
        _usage[service] = new UsageFact(service, percent, Today.AddDays(-daysAgo), of);
        return this;
    }

    public PlanBuilder Trained(M365Service service, int attendees)
    {
        Plan.Training.Add(new TrainingRecord { Service = service, Date = Today.AddDays(-20), Audience = "All staff", Attendees = attendees });
        return this;
    }

    /// <summary>The customer was shown how to track these services (none: every service).</summary>
    public PlanBuilder TrackingShown(params M365Service[] services)
    {
        PlanChanges.AddTrackingEvidence(TrackingTool.AdoptionScore, Today.AddDays(-10), "Jordan Lee", "IT lead", services, null)(Plan);
        return this;
    }

    public PlanBuilder Task(int id, TaskState status, string? reason = null)
    {
        var task = Plan.Tasks.Single(t => t.TaskId == id);
        task.Status = status;
        task.Reason = reason;
        if (status == TaskState.Done) task.DoneOn = Today.AddDays(-5);
        return this;
    }

    public PlanBuilder CheckIn(int daysFromToday, CheckInStatus status = CheckInStatus.Planned, params M365Service[] services)
    {
        Plan.CheckIns.Add(new CheckIn { Id = Plan.CheckIns.Count + 1, Date = Today.AddDays(daysFromToday).AddHours(10), Status = status, Services = services.ToJoinedList() });
        return this;
    }

    public PlanBuilder In(string culture)
    {
        _culture = CultureInfo.GetCultureInfo(culture);
        return this;
    }

    public PlanBuilder With(Action<CustomerPlan> change)
    {
        change(Plan);
        return this;
    }

    public RuleFacts Facts => new(PlaybookCatalog.Default, Plan, _usage, Today, _culture);
    public PlaybookEvaluation Evaluation => PlaybookEvaluator.Evaluate(Facts);
    public IReadOnlyList<SuccessCriterion> Criteria => SuccessCriteria.Evaluate(Evaluation);
    public SuccessCriterion Criterion(string id) => Criteria.Single(c => c.Id == id);
    public IReadOnlyList<NextAction> Actions => NextActionPlanner.Plan(Evaluation, Criteria);
}
