using System;
using FastTrack.Core.Measurement;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Portfolio;

/// <summary>An intended service of a customer at a glance: its latest AU against its target, and where the trend goes.</summary>
public sealed class ServiceStanding
{
    internal ServiceStanding(M365Service service, double? percent, double target, DateTime? asOf, ForecastStatus forecast, double? slopePerWeek)
    {
        Service = service;
        ActiveUsagePercent = percent;
        TargetPercent = target;
        AsOf = asOf;
        Forecast = forecast;
        SlopePerWeek = slopePerWeek;
    }

    public M365Service Service { get; }
    public double? ActiveUsagePercent { get; }
    public double TargetPercent { get; }
    public bool? MeetsTarget => ActiveUsagePercent is { } p ? p >= TargetPercent : null;
    public DateTime? AsOf { get; }
    public ForecastStatus Forecast { get; }
    /// <summary>The trend in percentage points per week, when there are enough measurements for one.</summary>
    public double? SlopePerWeek { get; }

    public override string ToString() => FormattableString.Invariant(
        $"{Service} {(ActiveUsagePercent is { } p ? p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "-")}/{TargetPercent:0.##}%");
}
