using System;
using System.Globalization;

namespace FastTrack.Core.Delivery;

/// <summary>How a service's AU moved between its last two measurements.</summary>
public sealed class AuMove
{
    internal AuMove(string customer, string service, double from, DateTime fromDate, double to, DateTime toDate, double target)
    {
        Customer = customer;
        Service = service;
        FromPercent = from;
        FromDate = fromDate;
        ToPercent = to;
        ToDate = toDate;
        TargetPercent = target;
    }

    public string Customer { get; }
    public string Service { get; }
    public double FromPercent { get; }
    public DateTime FromDate { get; }
    public double ToPercent { get; }
    public DateTime ToDate { get; }
    public double TargetPercent { get; }
    /// <summary>Percentage points, rounded to one decimal as shown.</summary>
    public double Change => Math.Round(ToPercent - FromPercent, 1);
    public bool MeetsTarget => ToPercent >= TargetPercent;

    /// <summary>"+2.5 pts" / "-1.0 pts" / "±0.0 pts".</summary>
    public string ChangeText => (Change > 0 ? "+" : Change < 0 ? "" : "±") + Change.ToString("0.0", CultureInfo.InvariantCulture) + " pts";

    /// <summary>"41.0% → 43.5% (target 50%)".</summary>
    public string Figures => string.Format(CultureInfo.InvariantCulture, "{0:0.0}% → {1:0.0}% (target {2:0.##}%)", FromPercent, ToPercent, TargetPercent);

    public override string ToString() => $"{Customer} {Service}: {ChangeText}";
}
