using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Plans;

/// <summary>The blockers of some plans, open ones only unless asked, optionally for some services.</summary>
public static class BlockerQuery
{
    public static IEnumerable<CustomerBlocker> Run(IEnumerable<CustomerPlan> plans, IReadOnlyList<M365Service>? services, bool includeResolved) =>
        from plan in plans
        from blocker in plan.Blockers
        where includeResolved || blocker.IsOpen
        where services is null || (blocker.Service is { } service && services.Contains(service))
        select new CustomerBlocker(plan, blocker);
}
