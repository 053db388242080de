using System;
using System.Collections.Generic;
using System.Linq;

namespace FastTrack.Core.Plans;

/// <summary>The check-ins of some plans: all, or only those that took place and nobody recorded.</summary>
public static class CheckInQuery
{
    public static IEnumerable<CustomerCheckIn> Run(IEnumerable<CustomerPlan> plans, bool unrecordedOnly, DateTime today) =>
        from plan in plans
        from checkIn in plan.CheckIns.OrderBy(c => c.Date)
        where !unrecordedOnly || (checkIn.IsPlanned && checkIn.Date.Date < today.Date)
        select new CustomerCheckIn(plan, checkIn);
}
