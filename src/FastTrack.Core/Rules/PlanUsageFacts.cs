using System.Collections.Generic;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Rules;

/// <summary>The latest AU per service from the plan's saved usage history.</summary>
public static class PlanUsageFacts
{
    public static IReadOnlyDictionary<M365Service, UsageFact> Latest(CustomerPlan plan)
    {
        var facts = new Dictionary<M365Service, UsageFact>();
        // Filled from the plan's usage history once snapshots are saved (Measure-FtActiveUsage -Save).
        return facts;
    }

    /// <summary>How AU of a service moved across the saved snapshots, in words.</summary>
    public static string TrendText(CustomerPlan plan, M365Service service) => "no AU history saved yet";
}
