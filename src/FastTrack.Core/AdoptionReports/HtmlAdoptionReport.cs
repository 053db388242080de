using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FastTrack.Core.Text;

namespace FastTrack.Core.AdoptionReports;

/// <summary>The adoption report as one self-contained HTML page: inline CSS and SVG, a few lines of inline
/// script (sorting the portfolio table), nothing fetched. A Content-Security-Policy forbids any network
/// access and any script but that one. Every user text is HTML-encoded and isolated in &lt;bdi&gt;; a long word
/// wraps instead of widening the page; every chart has a table twin.</summary>
public static class HtmlAdoptionReport
{
    // Sorts the portfolio table by the clicked column; numbers by data-sort.
    private const string SortScript =
        "document.querySelectorAll('table.sortable th button').forEach(function(b){b.addEventListener('click',function(){" +
        "var th=b.parentNode,table=th.closest('table'),i=Array.prototype.indexOf.call(th.parentNode.children,th),asc=th.getAttribute('aria-sort')!=='ascending';" +
        "table.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort');});th.setAttribute('aria-sort',asc?'ascending':'descending');" +
        "var rows=Array.prototype.slice.call(table.tBodies[0].rows);rows.sort(function(x,y){var a=x.cells[i].getAttribute('data-sort')||x.cells[i].textContent," +
        "c=y.cells[i].getAttribute('data-sort')||y.cells[i].textContent,n=parseFloat(a)-parseFloat(c);var r=isNaN(n)?a.localeCompare(c):n;return asc?r:-r;});" +
        "rows.forEach(function(r){table.tBodies[0].appendChild(r);});});});";

    private const string Style = @"
:root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--met:#1a7f37;--below:#bf8700;--accent:#0969da;--bg:#f6f8fa}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:var(--ink);margin:0;background:#fff;overflow-wrap:break-word}bdi.long{overflow-wrap:anywhere}
header.page{background:var(--ink);color:#fff;padding:20px 32px}header.page h1{margin:0;font-size:22px}header.page p{margin:4px 0 0;color:#d0d7de}
main{padding:16px 32px;max-width:1100px}h2{font-size:19px;border-bottom:2px solid var(--line);padding-bottom:4px;margin-top:32px}h3{font-size:15px;margin:20px 0 6px}
.facts{display:flex;flex-wrap:wrap;gap:8px 24px;margin:8px 0}.facts div{background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:6px 10px}
.facts dt{font-size:11px;text-transform:uppercase;color:var(--muted)}.facts dd{margin:0;font-weight:600}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--bg);font-size:12px}td.num,th.num{text-align:right}th button{all:inherit;cursor:pointer}th[aria-sort=ascending] button::after{content:' ▲'}th[aria-sort=descending] button::after{content:' ▼'}
.met{color:var(--met);font-weight:600}.below{color:var(--below);font-weight:600}
svg.chart{max-width:720px;display:block}svg .bar.met{fill:var(--met)}svg .below-fill{fill:#f5d77a}svg .hatch{stroke:var(--below);stroke-width:3}
svg .bar.below{stroke:var(--below)}svg .grid{stroke:#eaeef2}svg .axis,svg .label,svg .value,svg .goal-label,svg .target-label{font-size:11px;fill:var(--ink)}
svg .goal{stroke:var(--ink);stroke-dasharray:4 3;stroke-width:1.5}svg .target{stroke:var(--accent);stroke-width:3}svg .trend .target,svg.trend .target{stroke-dasharray:6 3;stroke-width:1.5}
svg .line{fill:none;stroke:var(--accent);stroke-width:2}svg .point{fill:#fff;stroke:var(--accent);stroke-width:2}svg .forecast{fill:var(--accent)}svg .forecast-line{stroke:var(--accent);stroke-dasharray:2 3}
.trends{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:12px}figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px}figcaption{font-weight:600;margin-bottom:4px}
details{margin:4px 0 8px}summary{cursor:pointer;color:var(--muted)}.none{color:var(--muted);font-style:italic}ol.actions li{margin-bottom:4px}.why{color:var(--muted)}
footer{color:var(--muted);font-size:12px;padding:16px 32px}
@media print{@page{size:A4;margin:14mm}header.page{background:none;color:var(--ink);padding:0}header.page p{color:var(--muted)}main{padding:0;max-width:none}
section.customer{break-before:page}section.customer:first-of-type{break-before:auto}figure,table,svg{break-inside:avoid}details{display:block}details>*{display:block}th button::after{content:''}}";

    public static string ScriptHash => "sha256-" + Convert.ToBase64String(SHA256Hash(SortScript));

    public static void Write(AdoptionReport report, TextWriter output)
    {
        var c = report.Culture;
        var w = new StringBuilder();
        w.Append("<!DOCTYPE html>\n<html lang=\"").Append(Plain(c.TwoLetterISOLanguageName == "iv" ? "en" : c.TwoLetterISOLanguageName)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '").Append(ScriptHash).Append("'\">\n");
        w.Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>")
            .Append(Plain(report.IsPortfolio ? $"Adoption report — {report.Customers.Count} customers" : $"Adoption report — {report.Customers.FirstOrDefault()?.Plan.Customer}"))
            .Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        w.Append("<header class=\"page\"><h1>").Append(report.IsPortfolio ? "Adoption portfolio" : "Adoption report: " + E(report.Customers.FirstOrDefault()?.Plan.Customer ?? ""))
            .Append("</h1><p>FastTrack Support Success Execution · generated ").Append(report.Generated.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)).Append("</p></header>\n<main>\n");
        if (report.IsPortfolio) Portfolio(report, w);
        if (report.Customers.Count == 0) w.Append("<p class=\"none\">No customer plans were given.</p>");
        foreach (var section in report.Customers) Customer(section, report, w);
        w.Append("</main>\n<footer>Active usage (AU) = users active in the 28 days ending at the report date ÷ the plan's basis (paid units or licensed users). ")
            .Append("Bars are solid when the target is met and hatched when below; the dashed line is the playbook's goal.</footer>\n");
        w.Append("<script>").Append(SortScript).Append("</script>\n</body>\n</html>\n");
        output.Write(w.ToString());
    }

    private static void Portfolio(AdoptionReport report, StringBuilder w)
    {
        w.Append("<section class=\"portfolio\"><h2>Portfolio</h2><table class=\"sortable\" id=\"portfolio\"><thead><tr>")
            .Append("<th scope=\"col\"><button type=\"button\">Customer</button></th><th scope=\"col\"><button type=\"button\">Phase</button></th>")
            .Append("<th scope=\"col\"><button type=\"button\">CSM</button></th><th scope=\"col\" class=\"num\"><button type=\"button\">Services at target</button></th>")
            .Append("<th scope=\"col\" class=\"num\"><button type=\"button\">Open blockers</button></th><th scope=\"col\"><button type=\"button\">Next action</button></th></tr></thead><tbody>");
        foreach (var s in report.Customers)
        {
            var share = s.Services.Count == 0 ? 0 : s.ServicesAtTarget * 100.0 / s.Services.Count;
            w.Append("<tr><td><a href=\"#").Append(s.Anchor).Append("\">").Append(E(s.Plan.Customer)).Append("</a></td><td>").Append(E(s.Plan.Phase.ToString()))
                .Append("</td><td>").Append(E(s.Plan.Csm?.Name ?? "—")).Append("</td><td class=\"num\" data-sort=\"").Append(share.ToString("0.##", CultureInfo.InvariantCulture)).Append("\">")
                .Append(s.ServicesAtTarget).Append(" of ").Append(s.Services.Count).Append("</td><td class=\"num\">").Append(s.OpenBlockers.Count)
                .Append("</td><td>").Append(E(s.Advice.Actions.FirstOrDefault()?.Title ?? "—")).Append("</td></tr>");
        }
        w.Append("</tbody></table></section>\n");
    }

    private static void Customer(CustomerSection s, AdoptionReport report, StringBuilder w)
    {
        var plan = s.Plan;
        w.Append("<section class=\"customer\" id=\"").Append(s.Anchor).Append("\"><h2>").Append(E(plan.Customer)).Append("</h2>");
        w.Append("<dl class=\"facts\">");
        Fact(w, "Tenant", plan.TenantId.ToString());
        Fact(w, "Phase", plan.Phase.ToString());
        Fact(w, "CSM", plan.Csm?.Name ?? "none assigned");
        Fact(w, "CSM owns", s.HandedToCsm.Count == 0 ? "no workload yet" : string.Join(", ", s.HandedToCsm));
        Fact(w, "Target date", plan.TargetDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not set");
        Fact(w, "Services at target", $"{s.ServicesAtTarget} of {s.Services.Count}");
        w.Append("</dl>");

        w.Append("<h3>Active usage against the target</h3>");
        if (s.Services.Count == 0) w.Append("<p class=\"none\">The plan names no intended service.</p>");
        else
        {
            w.Append(SvgCharts.ActiveUsageBars(s.Services, s.Anchor + "-au"));
            w.Append("<details><summary>Active usage as a table</summary><table class=\"chart-data\" data-chart=\"").Append(s.Anchor).Append("-au\"><caption>Active usage per service</caption><thead><tr><th scope=\"col\">Service</th><th scope=\"col\" class=\"num\">AU</th><th scope=\"col\" class=\"num\">Target</th><th scope=\"col\">Status</th><th scope=\"col\">Report date</th><th scope=\"col\">Forecast</th></tr></thead><tbody>");
            foreach (var service in s.Services)
            {
                w.Append("<tr><th scope=\"row\">").Append(E(service.Name)).Append("</th><td class=\"num\">").Append(service.Percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—")
                    .Append("</td><td class=\"num\">").Append(service.Target.ToString("0.#", CultureInfo.InvariantCulture)).Append("%</td><td>")
                    .Append(service.MeetsTarget switch { true => "<span class=\"met\">✓ met</span>", false => "<span class=\"below\">✗ below</span>", _ => "not measured" })
                    .Append("</td><td>").Append(service.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—").Append("</td><td>").Append(E(service.Forecast?.ToString() ?? "—")).Append("</td></tr>");
            }
            w.Append("</tbody></table></details>");
        }

        w.Append("<h3>Trend and forecast</h3>");
        var withPoints = s.Histories.Where(h => h.Snapshots.Any(p => p.ActiveUsagePercent is not null)).ToList();
        if (withPoints.Count == 0) w.Append("<p class=\"none\">No AU history saved yet: measure with Measure-FtActiveUsage -Save.</p>");
        else
        {
            w.Append("<div class=\"trends\">");
            foreach (var history in withPoints)
            {
                var id = s.Anchor + "-trend-" + history.Service;
                w.Append("<figure><figcaption>").Append(E(history.Service.ToString())).Append(" — ").Append(E(history.Forecast.ToString())).Append("</figcaption>")
                    .Append(SvgCharts.Trend(history, id))
                    .Append("<details><summary>Trend as a table</summary><table class=\"chart-data\" data-chart=\"").Append(id).Append("\"><caption>").Append(E(history.Service.ToString()))
                    .Append(" AU by report date</caption><thead><tr><th scope=\"col\">Report date</th><th scope=\"col\" class=\"num\">AU</th><th scope=\"col\" class=\"num\">Active users</th><th scope=\"col\" class=\"num\">Of</th></tr></thead><tbody>");
                foreach (var point in history.Snapshots.Where(p => p.ActiveUsagePercent is not null))
                {
                    w.Append("<tr><td>").Append(point.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td><td class=\"num\">").Append(point.ActiveUsagePercent!.Value.ToString("0.0", CultureInfo.InvariantCulture))
                        .Append("%</td><td class=\"num\">").Append(point.ActiveUsers).Append("</td><td class=\"num\">").Append(point.Denominator).Append("</td></tr>");
                }
                w.Append("</tbody></table></details></figure>");
            }
            w.Append("</div>");
        }

        w.Append("<h3>Next actions</h3>");
        if (s.Advice.Actions.Count == 0) w.Append("<p class=\"none\">Nothing to do now.</p>");
        else
        {
            w.Append("<ol class=\"actions\">");
            foreach (var action in s.Advice.Actions)
                w.Append("<li><strong>").Append(E(action.Title)).Append("</strong> <span class=\"why\">— ").Append(E(action.Why)).Append("</span></li>");
            w.Append("</ol>");
        }

        w.Append("<h3>FTOP tasks</h3>");
        Table(w, new[] { "Task", "Service", "M/O", "Status", "Owner", "Due", "Note" }, s.Tasks.Select(t => new[]
        {
            $"{t.TaskId} {t.Name}", t.Service.ToString(), t.Applicability == Rules.Applicability.Mandatory ? "Mandatory" : "Optional", t.Status.ToString(),
            t.Owner ?? "", t.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", t.Note ?? "",
        }), "No task applies yet.");

        w.Append("<h3>Open blockers</h3>");
        Table(w, new[] { "#", "Service", "Opened", "Owner", "Blocker" }, s.OpenBlockers.Select(b => new[]
        {
            b.Id.ToString(CultureInfo.InvariantCulture), b.Service?.ToString() ?? "any", b.Opened.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), b.Owner ?? "", b.Description,
        }), "No open blocker.");

        w.Append("<h3>Check-ins</h3>");
        if (s.Cadence is { } cadence) w.Append("<p class=\"cadence\">").Append(E(cadence.Evidence)).Append("</p>");
        Table(w, new[] { "#", "When", "Status", "Services", "Notes" }, s.CheckIns.Select(ci => new[]
        {
            ci.Id.ToString(CultureInfo.InvariantCulture), ci.Date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), ci.Status.ToString(), string.Join(", ", ci.Services), ci.Notes ?? "",
        }), "No check-in scheduled: New-FtCheckInSchedule plans them.");

        w.Append("<h3>Success criteria</h3>");
        Table(w, new[] { "Criterion", "Result", "Evidence" }, s.Advice.Criteria.Select(cr => new[]
        {
            cr.Text, cr.Result switch { Rules.CriterionResult.Pass => "✓ Pass", Rules.CriterionResult.Fail => "✗ Fail", Rules.CriterionResult.NotApplicable => "– Not applicable", _ => "? Unknown" }, cr.Evidence,
        }), "No criterion.");
        w.Append("</section>\n");
    }

    private static void Fact(StringBuilder w, string name, string value) =>
        w.Append("<div><dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd></div>");

    private static void Table(StringBuilder w, string[] headers, System.Collections.Generic.IEnumerable<string[]> rows, string empty)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            w.Append("<p class=\"none\">").Append(E(empty)).Append("</p>");
            return;
        }
        w.Append("<table><thead><tr>");
        foreach (var h in headers) w.Append("<th scope=\"col\">").Append(E(h)).Append("</th>");
        w.Append("</tr></thead><tbody>");
        foreach (var row in list)
        {
            w.Append("<tr>");
            foreach (var cell in row) w.Append("<td>").Append(E(cell)).Append("</td>");
            w.Append("</tr>");
        }
        w.Append("</tbody></table>");
    }

    // Text in an element: encoded, its bidi controls balanced, and isolated in <bdi>, so that a right-to-left
    // override in a customer name, a note or a blocker cannot reorder the page's own text around it. Every
    // text goes through here, the module's labels too: a new call site cannot forget to isolate.
    // A word longer than any real one (a pasted token, a 100 KB name) is marked to break anywhere, so its
    // table column can be narrow; overflow-wrap:anywhere on all text would also squeeze short columns
    // ("Result") letter by letter, and break-word alone still lets a table grow as wide as the word.
    private static string E(string text) =>
        (LongWord.IsMatch(text) ? "<bdi class=\"long\">" : "<bdi>") + WebUtility.HtmlEncode(BidiControls.Balance(text)) + "</bdi>";

    private static readonly Regex LongWord = new(@"\S{30}", RegexOptions.Compiled);

    // Where no element can go (an attribute, the <title>): encoded, bidi controls shown rather than obeyed.
    private static string Plain(string text) => WebUtility.HtmlEncode(BidiControls.Reveal(text));

    private static byte[] SHA256Hash(string text)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(Encoding.UTF8.GetBytes(text));
    }
}
