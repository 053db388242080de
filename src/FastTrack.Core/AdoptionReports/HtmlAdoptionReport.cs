using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using static FastTrack.Core.AdoptionReports.HtmlText;

namespace FastTrack.Core.AdoptionReports;

/// <summary>The adoption report as one self-contained HTML page: inline CSS and SVG, a few lines of inline
/// script (sorting the portfolio table), nothing fetched. A Content-Security-Policy forbids any network
/// access and any script but that one. Every user text is HTML-encoded and isolated in &lt;bdi&gt;; a long word
/// wraps instead of widening the page; every chart has a table twin.</summary>
public static partial class HtmlAdoptionReport
{
    public static string ScriptHash => HtmlPageAssets.SortScriptHash;

    public static void Write(AdoptionReport report, TextWriter output)
    {
        var w = new StringBuilder();
        Head(w, report);
        w.Append("<body>\n");
        PageHeader(w, report);
        w.Append("<main>\n");
        if (report.IsPortfolio) Portfolio(w, report);
        if (report.Customers.Count == 0) w.Append("<p class=\"none\">No customer plans were given.</p>");
        foreach (var section in report.Customers) Customer(w, section);
        w.Append("</main>\n<footer>Active usage (AU) = users active in the 28 days ending at the report date ÷ the plan's basis (paid units or licensed users). ")
            .Append("Bars are solid when the target is met and hatched when below; the dashed line is the playbook's goal.</footer>\n");
        w.Append("<script>").Append(HtmlPageAssets.SortScript).Append("</script>\n</body>\n</html>\n");
        output.Write(w.ToString());
    }

    private static void Head(StringBuilder w, AdoptionReport report)
    {
        var language = report.Culture.TwoLetterISOLanguageName;
        var title = report.IsPortfolio ? $"Adoption report — {report.Customers.Count} customers" : $"Adoption report — {report.Customers.FirstOrDefault()?.Plan.Customer}";
        w.Append("<!DOCTYPE html>\n<html lang=\"").Append(Plain(language == "iv" ? "en" : language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '").Append(ScriptHash).Append("'\">\n");
        w.Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>").Append(Plain(title)).Append("</title>\n");
        w.Append("<style>\n").Append(HtmlPageAssets.Style).Append("</style>\n</head>\n");
    }

    private static void PageHeader(StringBuilder w, AdoptionReport report)
    {
        w.Append("<header class=\"page\"><h1>").Append(report.IsPortfolio ? "Adoption portfolio" : "Adoption report: " + E(report.Customers.FirstOrDefault()?.Plan.Customer ?? ""))
            .Append("</h1><p>FastTrack Support Success Execution · generated ").Append(report.Generated.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture))
            .Append("</p></header>\n");
    }

    private static readonly HtmlColumn[] PortfolioColumns =
    {
        Sortable("Customer"), Sortable("Risk", isNumber: true), Sortable("Phase"), Sortable("CSM"),
        Sortable("Services at target", isNumber: true), Sortable("Open blockers", isNumber: true), Sortable("Why at risk"), Sortable("Next action"),
    };

    private static HtmlColumn Sortable(string heading, bool isNumber = false) => new("<button type=\"button\">" + heading + "</button>", isNumber);

    private static void Portfolio(StringBuilder w, AdoptionReport report)
    {
        w.Append("<section class=\"portfolio\"><h2>Portfolio</h2>");
        new HtmlTable(PortfolioColumns) { Attributes = " class=\"sortable\" id=\"portfolio\"" }.Write(w, report.Customers.Select(s => new HtmlCell[]
        {
            HtmlCell.Html("<a href=\"#" + s.Anchor + "\">" + E(s.Plan.Customer) + "</a>"),
            HtmlCell.Html($"{s.Risk.RiskLevel} ({s.Risk.RiskScore.ToString(CultureInfo.InvariantCulture)})", sortKey: s.Risk.RiskScore.ToString(CultureInfo.InvariantCulture)),
            s.Plan.Phase.ToString(), s.Plan.Csm?.Name ?? "—",
            HtmlCell.Html($"{s.ServicesAtTarget} of {s.Services.Count}", sortKey: ShareAtTarget(s).ToString("0.##", CultureInfo.InvariantCulture)),
            HtmlCell.Html(s.OpenBlockers.Count.ToString(CultureInfo.InvariantCulture)),
            s.Risk.Reasons.Count == 0 ? "—" : string.Join("; ", s.Risk.Reasons.Take(3).Select(r => r.Text)),
            s.Advice.Actions.FirstOrDefault()?.Title ?? "—",
        }));
        w.Append("</section>\n");
    }

    private static double ShareAtTarget(CustomerSection s) => s.Services.Count == 0 ? 0 : s.ServicesAtTarget * 100.0 / s.Services.Count;

    // A table of user text; a sentence instead when it has no row.
    private static void Table(StringBuilder w, string[] headings, IEnumerable<HtmlCell[]> rows, string empty)
    {
        var list = rows.ToList();
        if (list.Count == 0) w.Append("<p class=\"none\">").Append(E(empty)).Append("</p>");
        else new HtmlTable(headings.Select(h => new HtmlColumn(E(h)))).Write(w, list);
    }
}
