using System;
using FastTrack.Core.Playbook;
using FastTrack.Core.Text;

namespace FastTrack.Core.Usage;

/// <summary>Active usage of one service of one tenant, and how it was measured.</summary>
public sealed class ActiveUsage
{
    public Guid? TenantId { get; set; }
    public string? Customer { get; set; }
    public M365Service Service { get; set; }
    /// <summary>The report's refresh date: the last day of the window.</summary>
    public DateTime AsOf { get; set; }
    public int WindowDays { get; set; }
    public long ActiveUsers { get; set; }
    public long Denominator { get; set; }
    public UsageBasis Basis { get; set; }
    /// <summary>Active users ÷ denominator, in percent, one decimal; null when the denominator is 0.</summary>
    public double? ActiveUsagePercent { get; set; }
    public double TargetPercent { get; set; }
    public bool? MeetsTarget { get; set; }
    public double? BaselinePercent { get; set; }
    /// <summary>Percentage points since the baseline.</summary>
    public double? ChangeSinceBaseline { get; set; }
    /// <summary>The tenant conceals user names in reports: counts are right, people cannot be named.</summary>
    public bool ConcealedNames { get; set; }
    public string Report { get; set; } = "";
    /// <summary>The most frequent domains of the report's users: whose organisation the data is (checked against the plan).</summary>
    internal System.Collections.Generic.IReadOnlyList<string> UserDomains { get; set; } = Array.Empty<string>();
    /// <summary>Free, trial or viral subscriptions with the service that were left out of its paid units.</summary>
    public JoinedList<string> ExcludedSkus { get; set; } = new();
    /// <summary>Service plans of the tenant's subscriptions, named like a service's, that the licensing reference
    /// does not place: paid units may miss them.</summary>
    public JoinedList<string> UnknownServicePlans { get; set; } = new();
    public string Source { get; set; } = "";
    /// <summary>Per app, the users active with it in the window (Microsoft 365 Copilot: Teams, Word, Excel, PowerPoint,
    /// Outlook, OneNote, Loop, Copilot Chat); empty for the services whose report has no per-app columns.</summary>
    public JoinedList<AppUsage> Apps { get; set; } = new();

    public override string ToString() => System.FormattableString.Invariant($"{Service} {ActiveUsagePercent?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}% ({ActiveUsers}/{Denominator} {Basis})");
}
