using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using FastTrack.Core.Measurement;

namespace FastTrack.Core.AdoptionReports;

/// <summary>The report's charts as inline SVG: no library, no network. Every data mark carries its value
/// (data-value) and a text label, and met/not met is shown by a pattern and a word, never by colour alone.</summary>
internal static class SvgCharts
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Horizontal bars: each service's AU, the playbook's goal line and the plan's target mark.</summary>
    public static string ActiveUsageBars(IReadOnlyList<ServiceStatus> services, string id)
    {
        const int left = 150, width = 420, row = 34, top = 28;
        var height = top + row * services.Count + 24;
        var max = Math.Max(20, services.Select(s => Math.Max(s.Percent ?? 0, s.Target)).DefaultIfEmpty(0).Max() * 1.15);
        double X(double percent) => left + width * Math.Min(percent, max) / max;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart bars\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {left + width + 110} {height}\" width=\"100%\">");
        svg.Append($"<title id=\"{id}-title\">Active usage per service against the target</title>");
        svg.Append("<defs><pattern id=\"" + id + "-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"below-fill\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"hatch\"/></pattern></defs>");
        foreach (var tick in Ticks(max))
        {
            svg.Append($"<line class=\"grid\" x1=\"{F(X(tick))}\" y1=\"{top - 6}\" x2=\"{F(X(tick))}\" y2=\"{height - 20}\"/>");
            svg.Append($"<text class=\"axis\" x=\"{F(X(tick))}\" y=\"{height - 6}\" text-anchor=\"middle\">{tick.ToString("0", Invariant)}%</text>");
        }
        for (var i = 0; i < services.Count; i++)
        {
            var s = services[i];
            var y = top + i * row;
            svg.Append($"<text class=\"label\" x=\"{left - 8}\" y=\"{y + 17}\" text-anchor=\"end\">{E(s.Name)}</text>");
            if (s.Percent is { } p)
            {
                var met = p >= s.Target;
                svg.Append($"<rect class=\"bar {(met ? "met" : "below")}\" data-service=\"{s.Service}\" data-value=\"{F(p)}\" x=\"{left}\" y=\"{y + 4}\" width=\"{F(Math.Max(1, X(p) - left))}\" height=\"20\"" +
                           (met ? "" : $" fill=\"url(#{id}-hatch)\"") + "/>");
                svg.Append($"<text class=\"value\" x=\"{F(Math.Max(X(p), X(Math.Max(s.Target, s.Goal))) + 8)}\" y=\"{y + 19}\">{F1(p)}% {(met ? "✓ met" : "✗ below")}</text>");
            }
            else
            {
                svg.Append($"<text class=\"value\" x=\"{left + 6}\" y=\"{y + 19}\">not measured</text>");
            }
            svg.Append($"<line class=\"target\" data-target=\"{F(s.Target)}\" x1=\"{F(X(s.Target))}\" y1=\"{y + 1}\" x2=\"{F(X(s.Target))}\" y2=\"{y + 27}\"><title>target {F1(s.Target)}%</title></line>");
        }
        var goal = services.FirstOrDefault()?.Goal ?? 10;
        svg.Append($"<line class=\"goal\" x1=\"{F(X(goal))}\" y1=\"{top - 10}\" x2=\"{F(X(goal))}\" y2=\"{height - 20}\"/>");
        svg.Append($"<text class=\"goal-label\" x=\"{F(X(goal))}\" y=\"{top - 14}\" text-anchor=\"middle\">{goal.ToString("0.#", Invariant)}% goal</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A service's AU over time: the snapshots, the target line and, when on track, the forecast point.</summary>
    public static string Trend(ActiveUsageHistory history, string id)
    {
        const int left = 44, top = 16, width = 300, height = 130;
        var points = history.Snapshots.Where(s => s.ActiveUsagePercent is not null).ToList();
        var forecast = history.Forecast.Status == ForecastStatus.OnTrack ? history.Forecast.ProjectedDate : null;
        var first = points[0].AsOf;
        var last = forecast ?? points[points.Count - 1].AsOf;
        var span = Math.Max(1, (last - first).TotalDays);
        var max = Math.Max(history.TargetPercent * 1.3, points.Max(p => p.ActiveUsagePercent!.Value) * 1.15);
        double X(DateTime d) => left + width * (d - first).TotalDays / span;
        double Y(double v) => top + height - height * v / max;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart trend\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {left + width + 78} {top + height + 30}\" width=\"100%\">");
        svg.Append($"<title id=\"{id}-title\">{E(history.Service.ToString())} active usage over time</title>");
        foreach (var tick in Ticks(max))
        {
            svg.Append($"<line class=\"grid\" x1=\"{left}\" y1=\"{F(Y(tick))}\" x2=\"{left + width}\" y2=\"{F(Y(tick))}\"/>");
            svg.Append($"<text class=\"axis\" x=\"{left - 6}\" y=\"{F(Y(tick) + 4)}\" text-anchor=\"end\">{tick.ToString("0", Invariant)}%</text>");
        }
        svg.Append($"<line class=\"target\" x1=\"{left}\" y1=\"{F(Y(history.TargetPercent))}\" x2=\"{left + width}\" y2=\"{F(Y(history.TargetPercent))}\"/>");
        svg.Append($"<text class=\"target-label\" x=\"{left + width + 4}\" y=\"{F(Y(history.TargetPercent) + 4)}\">target {history.TargetPercent.ToString("0.#", Invariant)}%</text>");
        svg.Append("<polyline class=\"line\" points=\"" + string.Join(" ", points.Select(p => $"{F(X(p.AsOf))},{F(Y(p.ActiveUsagePercent!.Value))}")) + "\"/>");
        foreach (var p in points)
        {
            svg.Append($"<circle class=\"point\" data-date=\"{p.AsOf:yyyy-MM-dd}\" data-value=\"{F(p.ActiveUsagePercent!.Value)}\" cx=\"{F(X(p.AsOf))}\" cy=\"{F(Y(p.ActiveUsagePercent!.Value))}\" r=\"3.5\"><title>{p.AsOf:yyyy-MM-dd}: {F1(p.ActiveUsagePercent!.Value)}%</title></circle>");
        }
        if (forecast is { } date)
        {
            var lastPoint = points[points.Count - 1];
            svg.Append($"<line class=\"forecast-line\" x1=\"{F(X(lastPoint.AsOf))}\" y1=\"{F(Y(lastPoint.ActiveUsagePercent!.Value))}\" x2=\"{F(X(date))}\" y2=\"{F(Y(history.TargetPercent))}\"/>");
            svg.Append($"<rect class=\"forecast\" data-date=\"{date:yyyy-MM-dd}\" x=\"{F(X(date) - 4)}\" y=\"{F(Y(history.TargetPercent) - 4)}\" width=\"8\" height=\"8\"><title>forecast: {date:yyyy-MM-dd}</title></rect>");
        }
        svg.Append($"<text class=\"axis\" x=\"{left}\" y=\"{top + height + 18}\">{first:yyyy-MM-dd}</text>");
        svg.Append($"<text class=\"axis\" x=\"{left + width}\" y=\"{top + height + 18}\" text-anchor=\"end\">{last:yyyy-MM-dd}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    // Five to ten gridlines whatever the scale (AU above 100% is possible when few units are paid for).
    private static IEnumerable<double> Ticks(double max)
    {
        var step = max <= 25 ? 5 : max <= 60 ? 10 : 20;
        while (max / step > 10) step *= 5;
        for (var i = 0; i * step <= max; i++) yield return i * step;
    }

    private static string F(double value) => value.ToString("0.##", Invariant);
    private static string F1(double value) => value.ToString("0.0", Invariant);
    private static string E(string text) => WebUtility.HtmlEncode(text);
}
