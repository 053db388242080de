using System.Globalization;
using System.Linq;
using System.Text;
using FastTrack.Core.Measurement;
using static FastTrack.Core.AdoptionReports.HtmlText;

namespace FastTrack.Core.AdoptionReports;

/// <summary>A customer's charts, each followed by its table twin (folded in a &lt;details&gt;) for a screen
/// reader, a copy into a spreadsheet, or a print without colour.</summary>
public static partial class HtmlAdoptionReport
{
    private static readonly HtmlColumn[] ActiveUsageColumns =
    {
        new("Service", headsRows: true), new("AU", isNumber: true), new("Target", isNumber: true), new("Status"), new("Report date"), new("Forecast"),
    };

    private static readonly HtmlColumn[] TrendColumns =
    {
        new("Report date"), new("AU", isNumber: true), new("Active users", isNumber: true), new("Of", isNumber: true),
    };

    private static void ActiveUsage(StringBuilder w, CustomerSection s)
    {
        w.Append("<h3>Active usage against the target</h3>");
        if (s.Services.Count == 0)
        {
            w.Append("<p class=\"none\">The plan names no intended service.</p>");
            return;
        }
        var id = s.Anchor + "-au";
        w.Append(SvgCharts.ActiveUsageBars(s.Services, id));
        w.Append("<details><summary>Active usage as a table</summary>");
        new HtmlTable(ActiveUsageColumns) { Attributes = ChartData(id), Caption = "Active usage per service" }.Write(w, s.Services.Select(service => new HtmlCell[]
        {
            service.Name, HtmlCell.Html(service.Percent is { } p ? Percent(p) : "—"), HtmlCell.Html(service.Target.ToString("0.#", CultureInfo.InvariantCulture) + "%"),
            HtmlCell.Html(Status(service)), HtmlCell.Html(service.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—"), service.Forecast?.ToString() ?? "—",
        }));
        w.Append("</details>");
    }

    private static string Status(ServiceStatus service) => service.MeetsTarget switch
    {
        true => "<span class=\"met\">✓ met</span>",
        false => "<span class=\"below\">✗ below</span>",
        _ => "not measured",
    };

    private static void Trends(StringBuilder w, CustomerSection s)
    {
        w.Append("<h3>Trend and forecast</h3>");
        var withPoints = s.Histories.Where(h => h.Snapshots.Any(p => p.ActiveUsagePercent is not null)).ToList();
        if (withPoints.Count == 0)
        {
            w.Append("<p class=\"none\">No AU history saved yet: measure with Measure-FtActiveUsage -Save.</p>");
            return;
        }
        w.Append("<div class=\"trends\">");
        foreach (var history in withPoints) Trend(w, history, s.Anchor + "-trend-" + history.Service);
        w.Append("</div>");
    }

    private static void Trend(StringBuilder w, ActiveUsageHistory history, string id)
    {
        var service = E(history.Service.ToString());
        w.Append("<figure><figcaption>").Append(service).Append(" — ").Append(E(history.Forecast.ToString())).Append("</figcaption>").Append(SvgCharts.Trend(history, id));
        w.Append("<details><summary>Trend as a table</summary>");
        new HtmlTable(TrendColumns) { Attributes = ChartData(id), Caption = service + " AU by report date" }.Write(w, history.Snapshots
            .Where(p => p.ActiveUsagePercent is not null)
            .Select(point => new[]
            {
                HtmlCell.Html(point.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), HtmlCell.Html(Percent(point.ActiveUsagePercent!.Value)),
                HtmlCell.Html(point.ActiveUsers.ToString(CultureInfo.InvariantCulture)), HtmlCell.Html(point.Denominator.ToString(CultureInfo.InvariantCulture)),
            }));
        w.Append("</details></figure>");
    }

    // Names the chart the table repeats, so a reader (or a test) can pair them.
    private static string ChartData(string chartId) => " class=\"chart-data\" data-chart=\"" + chartId + "\"";

    private static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
