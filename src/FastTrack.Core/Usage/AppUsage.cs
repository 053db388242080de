using System.Globalization;

namespace FastTrack.Core.Usage;

/// <summary>One app's share of a service's active users: Microsoft 365 Copilot's users active with Copilot in Teams,
/// Word, Excel, PowerPoint, Outlook, OneNote, Loop or Copilot Chat in the 28-day window. A user active in several
/// apps counts in each, so the apps add up to more than the service's active users.</summary>
public sealed class AppUsage
{
    public string App { get; set; } = "";
    public long ActiveUsers { get; set; }
    /// <summary>Active users of the app ÷ the service's denominator, in percent, one decimal; null when it is 0.</summary>
    public double? ActiveUsagePercent { get; set; }

    public override string ToString() =>
        $"{App} {ActiveUsers.ToString(CultureInfo.InvariantCulture)}" +
        (ActiveUsagePercent is { } p ? $" ({p.ToString("0.0", CultureInfo.InvariantCulture)}%)" : "");
}
