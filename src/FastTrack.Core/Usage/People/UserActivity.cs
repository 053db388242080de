using System;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Usage.People;

/// <summary>One user's use of one service, as the tenant's usage report says on its refresh date. The type
/// file adds Identity, User and UserId aliases, so Exchange Online, Teams and Graph SDK cmdlets bind it.</summary>
public sealed class UserActivity
{
    public string UserPrincipalName { get; internal set; } = "";
    public M365Service Service { get; internal set; }
    public bool IsLicensed { get; internal set; }
    public DateTime? LastActivityDate { get; internal set; }
    /// <summary>Days from the last activity to the report date; null when never active.</summary>
    public int? DaysSinceActivity { get; internal set; }
    /// <summary>Active in the 28 days ending at the report date.</summary>
    public bool ActiveInWindow { get; internal set; }
    public bool IsDeleted { get; internal set; }
    public DateTime AsOf { get; internal set; }
    /// <summary>The -GroupBy value of the user piped in (Department, Office...), when there is one.</summary>
    public string? Group { get; set; }

    public override string ToString() => $"{UserPrincipalName} {Service}: {(ActiveInWindow ? "active" : "inactive")}";
}
