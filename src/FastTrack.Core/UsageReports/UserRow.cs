using System;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.UsageReports;

/// <summary>One user of one service as a report row says: licence, last activity, active in the window.</summary>
internal readonly struct UserRow
{
    public UserRow(M365Service service, string userPrincipalName, bool licensed, DateTime? lastActivity, bool active, bool deleted, DateTime refreshDate)
    {
        Service = service;
        UserPrincipalName = userPrincipalName;
        Licensed = licensed;
        LastActivity = lastActivity;
        Active = active;
        Deleted = deleted;
        RefreshDate = refreshDate;
    }

    public M365Service Service { get; }
    public string UserPrincipalName { get; }
    public bool Licensed { get; }
    public DateTime? LastActivity { get; }
    public bool Active { get; }
    public bool Deleted { get; }
    public DateTime RefreshDate { get; }
}
