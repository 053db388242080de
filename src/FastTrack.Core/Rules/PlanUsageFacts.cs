using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Measurement;

namespace FastTrack.Core.Rules;

/// <summary>The latest AU per service from the plan's saved usage history.</summary>
public static class PlanUsageFacts
{
    public static IReadOnlyDictionary<M365Service, UsageFact> Latest(CustomerPlan plan)
    {
        var facts = new Dictionary<M365Service, UsageFact>();
        foreach (var service in plan.Services)
        {
            if (plan.LatestUsage(service.Service) is { ActiveUsagePercent: { } percent } latest)
                facts[service.Service] = new UsageFact(service.Service, percent, latest.AsOf, latest.Denominator, latest.Basis);
        }
        return facts;
    }

    /// <summary>How AU of a service moved across the saved snapshots, in words.</summary>
    public static string TrendText(CustomerPlan plan, M365Service service) =>
        ActiveUsageHistory.Of(plan, new[] { service }).FirstOrDefault()?.Describe() ?? "no AU history saved yet";
}
