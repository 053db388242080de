using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using FastTrack.Core.Rules;
using FastTrack.Core.Text;

namespace FastTrack.Core.AdoptionReports;

/// <summary>The adoption report as Markdown, for a Teams channel or an e-mail: the same facts as the page,
/// tables instead of charts. User text is escaped so it stays text (no links, no markup, no HTML) and
/// cannot reorder the text around it (bidi controls are shown, Markdown has no way to isolate them).</summary>
public static class MarkdownAdoptionReport
{
    private static readonly Regex Special = new(@"([\\`*_{}\[\]()#+\-.!|~])", RegexOptions.Compiled);

    public static void Write(AdoptionReport report, TextWriter output)
    {
        var w = new StringBuilder();
        w.Append(report.IsPortfolio ? "# Adoption portfolio\n\n" : $"# Adoption report: {M(report.Customers.FirstOrDefault()?.Plan.Customer ?? "")}\n\n");
        w.Append("Generated ").Append(report.Generated.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)).Append(" · FastTrack Support Success Execution\n\n");
        if (report.IsPortfolio) Portfolio(w, report);
        foreach (var s in report.Customers) Customer(w, s);
        output.Write(w.ToString());
    }

    private static void Portfolio(StringBuilder w, AdoptionReport report)
    {
        w.Append("| Customer | Risk | Phase | CSM | Services at target | Open blockers | Why at risk | Next action |\n|---|---|---|---|---:|---:|---|---|\n");
        foreach (var s in report.Customers)
        {
            var why = s.Risk.Reasons.Count == 0 ? "—" : string.Join("; ", s.Risk.Reasons.Take(3).Select(r => r.Text));
            w.Append($"| {M(s.Plan.Customer)} | {s.Risk.RiskLevel} ({s.Risk.RiskScore}) | {s.Plan.Phase} | {M(s.Plan.Csm?.Name ?? "—")} | {s.ServicesAtTarget} of {s.Services.Count} | {s.OpenBlockers.Count} | {M(why)} | {M(s.Advice.Actions.FirstOrDefault()?.Title ?? "—")} |\n");
        }
        w.Append('\n');
    }

    private static void Customer(StringBuilder w, CustomerSection s)
    {
        var plan = s.Plan;
        w.Append("## ").Append(M(plan.Customer)).Append("\n\n");
        w.Append($"Phase **{plan.Phase}** · CSM {M(plan.Csm?.Name ?? "none assigned")}" +
                 (s.HandedToCsm.Count > 0 ? $" (owns {string.Join(", ", s.HandedToCsm)})" : "") + "\n\n");
        Services(w, s);
        NextActions(w, s);
        OpenBlockers(w, s);
        if (s.Cadence is { } cadence) w.Append("**Check-ins**: ").Append(M(cadence.Evidence)).Append("\n\n");
        w.Append("**Success criteria**: ").Append(string.Join(" · ", s.Advice.Criteria.Select(c => $"{Mark(c.Result)} {c.Id}"))).Append("\n\n");
    }

    private static void Services(StringBuilder w, CustomerSection s)
    {
        if (s.Services.Count == 0) return;
        w.Append("| Service | AU | Target | Status | Forecast |\n|---|---:|---:|---|---|\n");
        foreach (var service in s.Services)
        {
            w.Append($"| {M(service.Name)} | {(service.Percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—")} | {service.Target.ToString("0.#", CultureInfo.InvariantCulture)}% | " +
                     $"{service.MeetsTarget switch { true => "✓ met", false => "✗ below", _ => "not measured" }} | {M(service.Forecast?.ToString() ?? "—")} |\n");
        }
        w.Append('\n');
    }

    private static void NextActions(StringBuilder w, CustomerSection s)
    {
        if (s.Advice.Actions.Count == 0) return;
        w.Append("**Next actions**\n\n");
        foreach (var action in s.Advice.Actions) w.Append($"{action.Order}. {M(action.Title)} — {M(action.Why)}\n");
        w.Append('\n');
    }

    private static void OpenBlockers(StringBuilder w, CustomerSection s)
    {
        if (s.OpenBlockers.Count == 0) return;
        w.Append("**Open blockers**\n\n");
        foreach (var b in s.OpenBlockers) w.Append($"- \\#{b.Id} {M(b.Service?.ToString() ?? "any service")}: {M(b.Description)}\n");
        w.Append('\n');
    }

    private static string Mark(CriterionResult result) => result switch
    {
        CriterionResult.Pass => "✓",
        CriterionResult.Fail => "✗",
        CriterionResult.NotApplicable => "–",
        _ => "?",
    };

    // Bidi controls shown as [U+202E] (then escaped like any bracket), Markdown punctuation escaped, angle
    // brackets as entities (Teams renders some HTML), line breaks flattened.
    private static string M(string text) =>
        Special.Replace(BidiControls.Reveal(text).Replace("\r", " ").Replace("\n", " "), "\\$1").Replace("<", "&lt;").Replace(">", "&gt;");
}
