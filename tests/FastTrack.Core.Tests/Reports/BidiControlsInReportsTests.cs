using System.Globalization;
using System.Text.RegularExpressions;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.AdoptionReports;

namespace FastTrack.Core.Tests.Reports;

/// <summary>User text holding bidi controls (a right-to-left override reverses whatever follows it) cannot
/// reorder the report's own text: Markdown shows them as [U+202E], HTML isolates all text in &lt;bdi&gt;.</summary>
public sealed class BidiControlsInReportsTests
{
    // Written out here rather than taken from the code under test.
    private static readonly char[] Controls =
    {
        '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C',
    };

    private static readonly string Every = new(Controls);

    private static AdoptionReport Report(int customers)
    {
        var plans = Enumerable.Range(1, customers).Select(i =>
        {
            var plan = CustomerPlan.New(PlaybookCatalog.Default, Guid.NewGuid(), $"Fabrikam {i} \u202Eevil{Every}", DateTimeOffset.Now);
            plan.Service(M365Service.Teams).Intended = true;
            plan.Csm = new Contact { Name = "Avery \u202ESmith", Email = "avery@example.com" };
            plan.Blockers.Add(new Blocker { Id = 1, Description = "Proxy \u202Eblocks" + Every + "\u2069\u202C\u202E", Owner = "IT \u2067ops", Opened = DateTime.Today.AddDays(-3) });
            plan.Tasks[0].Note = "note \u202E" + Every;
            plan.Tasks[0].Owner = "owner \u202E";
            return plan;
        });
        return AdoptionReport.For(plans, PlaybookCatalog.Default, DateTimeOffset.Now, CultureInfo.GetCultureInfo("en-US"));
    }

    // Every override or isolate the text opens, it closes, and it closes nothing it did not open.
    private static bool IsBalanced(string text)
    {
        var open = new Stack<char>();
        foreach (var c in text)
        {
            if (c is '\u202A' or '\u202B' or '\u202D' or '\u202E') open.Push('\u202C');
            else if (c is '\u2066' or '\u2067' or '\u2068') open.Push('\u2069');
            else if (c is '\u202C' or '\u2069' && (open.Count == 0 || open.Pop() != c)) return false;
        }
        return open.Count == 0;
    }

    private static string Write(Action<AdoptionReport, TextWriter> writer, AdoptionReport report)
    {
        using var text = new StringWriter();
        writer(report, text);
        return text.ToString();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Markdown_shows_every_bidi_control_instead_of_obeying_it(int customers)
    {
        var md = Write(MarkdownAdoptionReport.Write, Report(customers));
        Assert.Equal(-1, md.IndexOfAny(Controls));
        Assert.Contains(@"Fabrikam 1 \[U\+202E\]evil\[U\+202A\]", md);
        Assert.Contains(@"Proxy \[U\+202E\]blocks", md);
        foreach (var c in Controls) Assert.Contains($@"\[U\+{(int)c:X4}\]", md);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Html_keeps_every_bidi_control_inside_a_balanced_bdi_and_none_in_the_title(int customers)
    {
        var html = Write(HtmlAdoptionReport.Write, Report(customers));
        Assert.Contains("Proxy \u202Eblocks", html); // the user's text is kept as it is...
        var isolated = Regex.Matches(html, "<bdi[^>]*>([^<]*)</bdi>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(-1, Regex.Replace(html, "<bdi[^>]*>[^<]*</bdi>", "").IndexOfAny(Controls)); // ...but only ever inside an isolate
        Assert.All(isolated, text => Assert.True(IsBalanced(text), $"unbalanced: {text}"));
        var title = Regex.Match(html, "<title>(.*)</title>").Groups[1].Value;
        Assert.Equal(-1, title.IndexOfAny(Controls));
    }
}
