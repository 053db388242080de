using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FastTrack.Core.Measurement;

/// <summary>When AU reaches the target at the current pace: an ordinary least-squares line through the
/// recent snapshots (the last <see cref="MaxPoints"/> within <see cref="RecentDays"/> days of the newest),
/// and where it crosses the target. It says how many points it rests on, because two weekly points
/// and twelve are not the same promise.</summary>
public sealed class UsageForecast
{
    public const int MinPoints = 3;
    public const int MaxPoints = 12;
    public const int RecentDays = 90;
    /// <summary>A crossing further away than this is reported as not reached at the current pace.</summary>
    public const int HorizonDays = 730;

    private UsageForecast(ForecastStatus status, DateTime? projectedDate, int pointsUsed, double? slopePerWeek, double target)
    {
        Status = status;
        ProjectedDate = projectedDate;
        PointsUsed = pointsUsed;
        SlopePerWeek = slopePerWeek;
        TargetPercent = target;
    }

    public ForecastStatus Status { get; }
    /// <summary>The date the fitted line reaches the target (OnTrack only).</summary>
    public DateTime? ProjectedDate { get; }
    public int PointsUsed { get; }
    /// <summary>The fitted change in percentage points per week.</summary>
    public double? SlopePerWeek { get; }
    public double TargetPercent { get; }

    public static UsageForecast From(IEnumerable<(DateTime AsOf, double Percent)> snapshots, double targetPercent)
    {
        var ordered = snapshots.OrderBy(p => p.AsOf).ToList();
        if (ordered.Count == 0) return new UsageForecast(ForecastStatus.InsufficientData, null, 0, null, targetPercent);
        var newest = ordered[ordered.Count - 1];
        var recent = ordered.Where(p => (newest.AsOf - p.AsOf).TotalDays <= RecentDays).Reverse().Take(MaxPoints).Reverse().ToList();
        double? slope = recent.Count >= 2 ? Slope(recent) : null;
        var perWeek = slope is null ? (double?)null : Math.Round(slope.Value * 7, 2);

        if (newest.Percent >= targetPercent) return new UsageForecast(ForecastStatus.Reached, null, recent.Count, perWeek, targetPercent);
        if (recent.Count < MinPoints || recent.Select(p => p.AsOf).Distinct().Count() < 2)
            return new UsageForecast(ForecastStatus.InsufficientData, null, recent.Count, perWeek, targetPercent);
        if (slope <= 0) return new UsageForecast(ForecastStatus.NotAtCurrentPace, null, recent.Count, perWeek, targetPercent);

        // Where the line crosses the target, never before the newest point (it is still below target).
        var origin = recent[0].AsOf;
        var (a, b) = Line(recent);
        var xNewest = (newest.AsOf - origin).TotalDays;
        var xCross = Math.Max((targetPercent - a) / b, xNewest + 1);
        if (xCross - xNewest > HorizonDays) return new UsageForecast(ForecastStatus.NotAtCurrentPace, null, recent.Count, perWeek, targetPercent);
        return new UsageForecast(ForecastStatus.OnTrack, origin.AddDays(Math.Ceiling(xCross)), recent.Count, perWeek, targetPercent);
    }

    private static double Slope(IReadOnlyList<(DateTime AsOf, double Percent)> points) => Line(points).Slope;

    // y = a + b·x with x in days since the first point.
    private static (double Intercept, double Slope) Line(IReadOnlyList<(DateTime AsOf, double Percent)> points)
    {
        var origin = points[0].AsOf;
        var xs = points.Select(p => (p.AsOf - origin).TotalDays).ToArray();
        var ys = points.Select(p => p.Percent).ToArray();
        double meanX = xs.Average(), meanY = ys.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            sxy += (xs[i] - meanX) * (ys[i] - meanY);
            sxx += (xs[i] - meanX) * (xs[i] - meanX);
        }
        var slope = sxx == 0 ? 0 : sxy / sxx;
        return (meanY - slope * meanX, slope);
    }

    public override string ToString() => Status switch
    {
        ForecastStatus.Reached => $"target {Format(TargetPercent)}% reached",
        ForecastStatus.OnTrack => $"{Format(TargetPercent)}% by {ProjectedDate:yyyy-MM-dd} at {Format(SlopePerWeek ?? 0)} pts/week ({PointsUsed} points)",
        ForecastStatus.NotAtCurrentPace => $"not reached at the current pace ({Format(SlopePerWeek ?? 0)} pts/week, {PointsUsed} points)",
        _ => $"not enough history ({PointsUsed} of {MinPoints} points)",
    };

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
