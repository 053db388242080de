using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Tests.Rules;
using FastTrack.Core.Usage;

namespace FastTrack.Core.Tests.Delivery;

/// <summary>A small portfolio for the digest tests: Contoso at risk (Yammer falling, a mandatory task overdue, an old
/// blocker, a missed check-in), Fabrikam on track and rising, Tailspin never measured.</summary>
internal static class DigestPlans
{
    public static readonly DateTime Today = PlanBuilder.Today;
    public static readonly DateTimeOffset Now = new(Today.AddHours(9));

    public static CustomerPlan Contoso()
    {
        var plan = new PlanBuilder().Csm().Live(M365Service.Yammer, M365Service.OneDrive).Plan;
        plan.FastTrackManager = new Contact { Name = "Kim FastTrack", Email = "kim@example.com" };
        plan.Programs.OneDriveAdoption = ProgramDecision.Accepted;
        plan.Tasks.First(t => t.TaskId == 3740).Due = Today.AddDays(-3);
        plan.Blockers.Add(new Blocker { Id = 4, Description = "Proxy blocks Yammer", Opened = Today.AddDays(-20) });
        plan.CheckIns.Add(new CheckIn { Id = 2, Date = Today.AddDays(-10), Status = CheckInStatus.Missed, Services = new() { M365Service.Yammer } });
        Measured(plan, M365Service.Yammer, (28, 7.0), (21, 6.6), (14, 6.3), (7, 6.1), (0, 5.8));
        Measured(plan, M365Service.OneDrive, (7, 12.0), (0, 14.5));
        return plan;
    }

    public static CustomerPlan Fabrikam()
    {
        var plan = new PlanBuilder().Live(M365Service.Teams).Plan;
        plan.TenantId = Guid.Parse("2b7d1e4f-3c5a-4e6b-8f9a-0c1d2e3f4a5b");
        plan.Customer = "Fabrikam";
        plan.Phase = PlanPhase.SuccessReview;
        Measured(plan, M365Service.Teams, (7, 52.0), (0, 55.0));
        return plan;
    }

    public static CustomerPlan Tailspin()
    {
        var plan = new PlanBuilder().Live(M365Service.Teams).Plan;
        plan.TenantId = Guid.Parse("3c8e2f5a-4d6b-4f7c-9a0b-1d2e3f4a5b6c");
        plan.Customer = "Tailspin";
        return plan;
    }

    public static IReadOnlyList<CustomerPlan> All() => new[] { Fabrikam(), Contoso(), Tailspin() };

    public static void Measured(CustomerPlan plan, M365Service service, params (int DaysAgo, double Percent)[] points)
    {
        foreach (var (daysAgo, percent) in points)
        {
            plan.UsageHistory.Add(new UsageSnapshot
            {
                Service = service, AsOf = Today.AddDays(-daysAgo), ActiveUsers = (long)(percent * 10), Denominator = 1000,
                Basis = UsageBasis.PaidUnits, ActiveUsagePercent = percent,
            });
        }
    }
}
