using System.Globalization;
using System.Text;
using FastTrack.Core.Delivery;
using FastTrack.Core.Playbook;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Tests.Delivery;

/// <summary>Issue 20: the card a Teams Workflows webhook posts: the message shape the trigger takes, an Adaptive Card
/// 1.4 with the top risks, AU moves and actions due, user text that cannot become Markdown, within Teams' size limit.</summary>
public sealed class AdaptiveCardTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static JObject Payload(IReadOnlyList<FastTrack.Core.Plans.CustomerPlan>? plans = null) =>
        JObject.Parse(AdaptiveCard.Payload(DigestBuilder.Build(plans ?? DigestPlans.All(), PlaybookCatalog.Default, DigestPlans.Now, English)));

    private static IEnumerable<JObject> OfType(JToken card, string type) => ((JContainer)card).Descendants().OfType<JObject>().Where(o => (string?)o["type"] == type);

    private static string Text(JToken card) => string.Join("\n", card["body"]!.Select(block =>
        (string?)block["text"] ?? string.Concat(block["inlines"]?.Select(r => (string?)r["text"]) ?? Array.Empty<string>())));

    [Fact]
    public void The_payload_is_a_message_with_one_adaptive_card_attachment_as_the_Workflows_trigger_takes_it()
    {
        var message = Payload();
        Assert.Equal("message", (string?)message["type"]);
        var attachment = Assert.Single((JArray)message["attachments"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Equal(JTokenType.Null, attachment["contentUrl"]!.Type);
        var card = (JObject)attachment["content"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.4", (string?)card["version"]);
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
        Assert.Equal("Full", (string?)card["msteams"]!["width"]);
        // Only elements of schema 1.4 that Teams renders.
        Assert.All(card.Descendants().OfType<JObject>().Where(o => o["type"] is not null && o != card),
            o => Assert.Contains((string?)o["type"], new[] { "TextBlock", "RichTextBlock", "TextRun" }));
    }

    [Fact]
    public void The_card_shows_the_top_risks_with_reasons_the_AU_moves_and_the_actions_due()
    {
        var card = Payload()["attachments"]![0]!["content"]!;
        var text = Text(card);
        Assert.StartsWith("Adoption digest — 3 customers\n3 customers, ", text);
        Assert.Contains("Top risks\nContoso — High (", text);
        Assert.Contains("• Yammer AU is 5.8%", text);
        Assert.Contains("AU moves since the last measurement\nFabrikam · ", text);
        Assert.Contains(": +3.0 pts (52.0% → 55.0% (target", text);
        Assert.Contains("Actions due by 2026-12-01\n2026-11-21 overdue · Contoso: ", text);
        var falling = OfType(card, "TextRun").Single(r => (string?)r["text"] == "-0.3 pts");
        Assert.Equal("Attention", (string?)falling["color"]);
    }

    [Fact]
    public void User_text_is_only_in_text_runs_which_no_host_reads_as_markdown_and_its_bidi_controls_are_shown()
    {
        var plan = DigestPlans.Contoso();
        plan.Customer = "[Click here](https://evil.example) **urgent** \u202Egnp.exe";
        var card = Payload(new[] { plan })["attachments"]![0]!["content"]!;
        var blocks = OfType(card, "TextBlock").Select(b => (string)b["text"]!).ToList();
        Assert.DoesNotContain(blocks, b => b.Contains("Click here"));
        Assert.Contains(OfType(card, "TextRun"), r => (string?)r["text"] == "[Click here](https://evil.example) **urgent** [U+202E]gnp.exe");
        Assert.DoesNotContain('\u202E', card.ToString());
    }

    [Fact]
    public void A_portfolio_of_200_customers_stays_far_under_the_28_KB_Teams_takes()
    {
        var plans = Enumerable.Range(1, 200).Select(i =>
        {
            var plan = DigestPlans.Contoso();
            plan.TenantId = Guid.NewGuid();
            plan.Customer = $"Customer {i:000} " + new string('x', 500);
            return plan;
        }).ToList();
        var payload = AdaptiveCard.Payload(DigestBuilder.Build(plans, PlaybookCatalog.Default, DigestPlans.Now, English));
        Assert.True(Encoding.UTF8.GetByteCount(payload) < 20_000, $"{Encoding.UTF8.GetByteCount(payload)} bytes");
        Assert.Contains("200 customers, 200 at risk", payload);
    }
}
