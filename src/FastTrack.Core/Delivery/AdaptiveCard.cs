using System.Globalization;
using System.Linq;
using FastTrack.Core.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Delivery;

/// <summary>The digest as an Adaptive Card (schema 1.4, which Teams renders on desktop, web and mobile) in the
/// message a Teams Workflows webhook ("When a Teams webhook request is received") takes:
/// <c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":card}]}</c>.
/// User text (customer names, reasons, action titles) goes only into TextRuns, which no host reads as Markdown:
/// a customer named "[click](https://x)" stays text, never a link; its bidi controls are shown, not obeyed.</summary>
public static class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.4";
    /// <summary>Longest user text kept on the card: Teams refuses messages over about 28 KB.</summary>
    public const int MaxText = 300;

    /// <summary>The webhook's request body.</summary>
    public static string Payload(DigestContent digest) => Message(Card(digest)).ToString(Formatting.None);

    public static JObject Message(JObject card) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JArray(new JObject
        {
            ["contentType"] = ContentType,
            ["contentUrl"] = null,
            ["content"] = card,
        }),
    };

    public static JObject Card(DigestContent digest)
    {
        var body = new JArray
        {
            Line(Run(digest.Title, bold: true, size: "Large")), // the title holds a customer's name: a run, not a TextBlock
            Line(Run(Summary(digest), subtle: true)),
            Heading("Top risks", "Medium", separator: true),
        };
        if (digest.Risks.Count == 0) body.Add(Line(Run("No customer is at risk.", subtle: true)));
        foreach (var risk in digest.Risks)
        {
            body.Add(Line(Run(risk.Customer, bold: true), Run($" — {risk.Level} ({risk.Score}), {risk.TargetsMet} targets met")));
            foreach (var reason in risk.Reasons) body.Add(Line(Run("• " + reason.Text)));
            if (risk.MoreReasons > 0) body.Add(Line(Run($"• and {risk.MoreReasons} more (Get-FtPortfolio)", subtle: true)));
        }
        body.Add(Heading("AU moves since the last measurement", "Medium", separator: true));
        if (digest.Moves.Count == 0) body.Add(Line(Run("No service has two measurements yet.", subtle: true)));
        foreach (var move in digest.Moves)
            body.Add(Line(Run(move.Customer, bold: true), Run($" · {move.Service}: "), Run(move.ChangeText, bold: true, color: move.Change < 0 ? "Attention" : move.Change > 0 ? "Good" : null),
                Run(string.Format(CultureInfo.InvariantCulture, " ({0}, {1:yyyy-MM-dd})", move.Figures, move.ToDate))));
        body.Add(Heading(string.Format(CultureInfo.InvariantCulture, "Actions due by {0:yyyy-MM-dd}", digest.ActionsDueBy), "Medium", separator: true));
        if (digest.Actions.Count == 0) body.Add(Line(Run("No action is due.", subtle: true)));
        foreach (var action in digest.Actions)
            body.Add(Line(Run(action.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (action.Overdue ? " overdue" : ""), bold: true, color: action.Overdue ? "Attention" : null),
                Run(" · "), Run(action.Customer, bold: true), Run(": " + action.Title)));
        return new JObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = Version,
            ["msteams"] = new JObject { ["width"] = "Full" },
            ["body"] = body,
        };
    }

    private static string Summary(DigestContent digest) =>
        (digest.IsPortfolio ? $"{digest.Customers} customers, {digest.AtRisk} at risk" : digest.AtRisk > 0 ? "At risk" : "Not at risk") +
        " · " + digest.Generated.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) + " · the full report: Export-FtAdoptionReport";

    // The module's own headings: a TextBlock, no user text in it.
    private static JObject Heading(string text, string size, bool separator = false)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = Clean(text), ["size"] = size, ["weight"] = "Bolder", ["wrap"] = true };
        if (separator) block["separator"] = true;
        return block;
    }

    private static JObject Line(params JObject[] runs) => new() { ["type"] = "RichTextBlock", ["inlines"] = new JArray(runs.Cast<object>().ToArray()) };

    private static JObject Run(string text, bool bold = false, bool subtle = false, string? color = null, string? size = null)
    {
        var run = new JObject { ["type"] = "TextRun", ["text"] = Clean(text) };
        if (size is not null) run["size"] = size;
        if (bold) run["weight"] = "Bolder";
        if (subtle) run["isSubtle"] = true;
        if (color is not null) run["color"] = color;
        return run;
    }

    private static string Clean(string text)
    {
        var shown = BidiControls.Reveal(text);
        return shown.Length <= MaxText ? shown : shown.Substring(0, MaxText - 1) + "…";
    }
}
