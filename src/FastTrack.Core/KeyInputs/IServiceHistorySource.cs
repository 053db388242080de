using System.Collections.Generic;

namespace FastTrack.Core.KeyInputs;

/// <summary>A usage source that also knows since when the tenant has each service: Microsoft Graph and the
/// sample tenant. A folder of exported reports does not.</summary>
public interface IServiceHistorySource
{
    /// <summary>The tenant's assigned service plans with their dates (GET /organization).</summary>
    IReadOnlyList<AssignedPlan> AssignedPlans();

    /// <summary>Daily active users per service over 180 days (getOffice365ActiveUserCounts, period D180).</summary>
    DailyActivity DailyActivity();
}
