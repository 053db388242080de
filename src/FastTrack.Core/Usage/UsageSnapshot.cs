using System;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Usage;

/// <summary>One saved measurement of a service's AU, kept in the plan's usage history. It keeps the
/// counts, not only the percentage, so a later reader can check the arithmetic.</summary>
public sealed class UsageSnapshot
{
    public M365Service Service { get; set; }
    /// <summary>The report's refresh date: the last day of the 28-day window.</summary>
    public DateTime AsOf { get; set; }
    public long ActiveUsers { get; set; }
    public long Denominator { get; set; }
    public UsageBasis Basis { get; set; }
    public double? ActiveUsagePercent { get; set; }
    public bool ConcealedNames { get; set; }
    /// <summary>Where the numbers came from (a folder, the sample tenant, Graph); never a secret.</summary>
    public string Source { get; set; } = "";
    public DateTimeOffset SavedOn { get; set; }

    public static UsageSnapshot From(ActiveUsage usage, DateTimeOffset savedOn) => new()
    {
        Service = usage.Service,
        AsOf = usage.AsOf.Date,
        ActiveUsers = usage.ActiveUsers,
        Denominator = usage.Denominator,
        Basis = usage.Basis,
        ActiveUsagePercent = usage.ActiveUsagePercent,
        ConcealedNames = usage.ConcealedNames,
        Source = usage.Source,
        SavedOn = savedOn,
    };

    public override string ToString() => System.FormattableString.Invariant($"{Service} {AsOf:yyyy-MM-dd} {ActiveUsagePercent?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}%");
}
