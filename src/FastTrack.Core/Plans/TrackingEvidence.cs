using System;
using FastTrack.Core.Playbook;
using FastTrack.Core.Text;

namespace FastTrack.Core.Plans;

/// <summary>Evidence for "Customer ... understands how to manage/track progress": the customer was shown
/// how to track adoption with a named tool, on a date, by someone. No services means every service.</summary>
public sealed class TrackingEvidence
{
    public int Id { get; set; }
    public DateTime Date { get; set; }
    public TrackingTool Tool { get; set; }
    /// <summary>Who showed it (the FastTrack manager, the CSM, a partner consultant).</summary>
    public string ShownBy { get; set; } = "";
    /// <summary>Who on the customer's side was shown.</summary>
    public string? ShownTo { get; set; }
    public JoinedList<M365Service> Services { get; set; } = new();
    public string? Notes { get; set; }

    public bool Covers(M365Service service) => Services.Count == 0 || Services.Contains(service);

    public override string ToString() => System.FormattableString.Invariant($"{Date:yyyy-MM-dd} {Tool} by {ShownBy}");
}

/// <summary>The tools the page and its successors name for tracking adoption: the admin center's usage
/// reports, Adoption Score, and Microsoft 365 usage analytics in Power BI (the page's "O365 Adoption
/// Content Pack", since renamed).</summary>
public enum TrackingTool
{
    AdminCenterUsageReports,
    AdoptionScore,
    UsageAnalytics,
    Other,
}
