using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using FastTrack.Core.AdoptionReports;
using FastTrack.Core.Plans;
using FastTrack.Core.Text;
using static FastTrack.Core.AdoptionReports.HtmlText;

namespace FastTrack.Core.Delivery;

/// <summary>Composes the digest mail: a compact HTML body (top risks with their reasons, AU moves, actions due) and
/// the full adoption report attached as its self-contained HTML page, or as the Excel workbook when the page is
/// over Graph's limit for an attachment sent inline with the message (3 MB as encoded; the whole request must
/// stay under 4 MB). When neither fits, nothing is sent: an upload session would need Mail.ReadWrite as well.</summary>
public static class DigestMail
{
    public const long MaxAttachmentEncodedBytes = 3L * 1024 * 1024;
    private static readonly Regex Address = new(@"^[^@\s<>,;""]+@[^@\s<>,;""]+\.[^@\s<>,;""]+$", RegexOptions.Compiled);
    private static readonly Regex NotInFileName = new(@"[^A-Za-z0-9]+", RegexOptions.Compiled);

    public static DigestMessage Compose(DigestContent digest, AdoptionReport report, string from, IReadOnlyList<string> to)
    {
        foreach (var address in to.Prepend(from).Where(a => !Address.IsMatch(a))) throw DeliveryErrors.RecipientInvalid(address).ToException();
        return new DigestMessage(from, to.Distinct(StringComparer.OrdinalIgnoreCase).ToJoinedList(), digest.Title, Body(digest), Attach(report), digest.Customers);
    }

    /// <summary>The -To given, else (one customer) the plan's contacts with an address: its CSM and FastTrack Manager.</summary>
    public static IReadOnlyList<string> Recipients(IReadOnlyList<CustomerPlan> plans, IReadOnlyList<string>? to)
    {
        if (to is { Count: > 0 }) return to;
        if (plans.Count != 1) throw DeliveryErrors.NoRecipients(null).ToException();
        var contacts = new[] { plans[0].Csm, plans[0].FastTrackManager }.Select(c => c?.Email).Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e!).ToList();
        return contacts.Count > 0 ? contacts : throw DeliveryErrors.NoRecipients(plans[0].Customer).ToException();
    }

    internal static DigestAttachment Attach(AdoptionReport report, long limit = MaxAttachmentEncodedBytes)
    {
        var stem = FileStem(report);
        var html = new StringWriter(CultureInfo.InvariantCulture);
        HtmlAdoptionReport.Write(report, html);
        var page = new DigestAttachment(stem + ".html", "text/html", new UTF8Encoding(false).GetBytes(html.ToString()));
        if (page.EncodedLength <= limit) return page;
        var workbook = new MemoryStream();
        ExcelAdoptionReport.Write(report, workbook);
        var excel = new DigestAttachment(stem + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.ToArray());
        return excel.EncodedLength <= limit ? excel : throw DeliveryErrors.AttachmentTooLarge(page.Name, page.EncodedLength, limit).ToException();
    }

    // "adoption-report-contoso-2026-11-30" / "adoption-portfolio-2026-11-30": ASCII only, so that no mail client mangles it.
    private static string FileStem(AdoptionReport report)
    {
        var date = report.Generated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (report.IsPortfolio) return "adoption-portfolio-" + date;
        var name = NotInFileName.Replace(report.Customers.FirstOrDefault()?.Plan.Customer ?? "", "-").Trim('-').ToLowerInvariant();
        if (name.Length > 40) name = name.Substring(0, 40).TrimEnd('-');
        return "adoption-report-" + (name.Length == 0 ? "customer" : name) + "-" + date;
    }

    // Mail clients drop <style> blocks and scripts: inline styles, plain tables, nothing fetched.
    internal static string Body(DigestContent digest)
    {
        var w = new StringBuilder();
        w.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#201f1e\">\n");
        w.Append("<h2 style=\"margin:0 0 4px\">").Append(Plain(digest.Title)).Append("</h2>\n<p style=\"margin:0 0 12px;color:#605e5c\">")
            .Append(Plain(digest.IsPortfolio ? $"{digest.Customers} customers, {digest.AtRisk} at risk" : digest.AtRisk > 0 ? "At risk" : "Not at risk"))
            .Append(" · ").Append(digest.Generated.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)).Append("</p>\n");
        Risks(w, digest);
        Moves(w, digest);
        Actions(w, digest);
        w.Append("<p style=\"color:#605e5c\">The full adoption report is attached. Active usage (AU) = users active in the 28 days ending at the report date ÷ the plan's basis.</p>\n</body></html>\n");
        return w.ToString();
    }

    private static void Risks(StringBuilder w, DigestContent digest)
    {
        w.Append("<h3>Top risks</h3>\n");
        if (digest.Risks.Count == 0) { w.Append("<p>No customer is at risk.</p>\n"); return; }
        w.Append("<ol>\n");
        foreach (var risk in digest.Risks)
        {
            w.Append("<li><b>").Append(Plain(risk.Customer)).Append("</b> — ").Append(risk.Level).Append(" (").Append(risk.Score).Append("), ")
                .Append(Plain(risk.TargetsMet)).Append(" targets met<ul>");
            foreach (var reason in risk.Reasons) w.Append("<li>").Append(Plain(reason.Text)).Append("</li>");
            if (risk.MoreReasons > 0) w.Append("<li>and ").Append(risk.MoreReasons).Append(" more</li>");
            w.Append("</ul></li>\n");
        }
        w.Append("</ol>\n");
        if (digest.AtRisk > digest.Risks.Count) w.Append("<p>And ").Append(digest.AtRisk - digest.Risks.Count).Append(" more customers at risk, in the report.</p>\n");
    }

    private static void Moves(StringBuilder w, DigestContent digest)
    {
        w.Append("<h3>AU moves since the last measurement</h3>\n");
        if (digest.Moves.Count == 0) { w.Append("<p>No service has two measurements yet.</p>\n"); return; }
        w.Append("<table style=\"border-collapse:collapse\" cellpadding=\"4\"><tr><th align=\"left\">Customer</th><th align=\"left\">Service</th><th align=\"right\">Change</th><th align=\"left\">AU</th><th align=\"left\">Measured</th></tr>\n");
        foreach (var move in digest.Moves)
        {
            var color = move.Change < 0 ? "#a4262c" : move.Change > 0 ? "#107c10" : "#201f1e";
            w.Append("<tr><td>").Append(Plain(move.Customer)).Append("</td><td>").Append(Plain(move.Service)).Append("</td><td align=\"right\" style=\"color:").Append(color).Append("\">")
                .Append(Plain(move.ChangeText)).Append("</td><td>").Append(Plain(move.Figures)).Append("</td><td>")
                .Append(move.ToDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }
        w.Append("</table>\n");
    }

    private static void Actions(StringBuilder w, DigestContent digest)
    {
        w.Append("<h3>Actions due by ").Append(digest.ActionsDueBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</h3>\n");
        if (digest.Actions.Count == 0) { w.Append("<p>No action is due.</p>\n"); return; }
        w.Append("<ul>\n");
        foreach (var action in digest.Actions)
        {
            w.Append("<li><b>").Append(action.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(action.Overdue ? " (overdue)" : "").Append("</b> · ")
                .Append(Plain(action.Customer)).Append(": ").Append(Plain(action.Title)).Append(" <span style=\"color:#605e5c\">— ").Append(Plain(action.Why)).Append("</span></li>\n");
        }
        w.Append("</ul>\n");
    }
}
