using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FastTrack.Core.AdoptionReports;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Tests.Reports;

/// <summary>The page's style and script come from the CSS and JavaScript files embedded in the assembly, as
/// they are, and the Content-Security-Policy allows exactly the script the page holds.</summary>
public sealed class HtmlPageAssetsTests
{
    private static byte[] Resource(string name)
    {
        using var stream = typeof(HtmlAdoptionReport).Assembly.GetManifestResourceStream("FastTrack.Core.AdoptionReports." + name);
        Assert.NotNull(stream);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static string Page()
    {
        var plan = CustomerPlan.New(PlaybookCatalog.Default, Guid.NewGuid(), "Contoso", DateTimeOffset.Now);
        var report = AdoptionReport.For(new[] { plan }, PlaybookCatalog.Default, DateTimeOffset.Now, CultureInfo.GetCultureInfo("en-US"));
        using var text = new StringWriter();
        HtmlAdoptionReport.Write(report, text);
        return text.ToString();
    }

    [Theory]
    [InlineData("adoption-report.css", "<style>\n", "</style>")]
    [InlineData("sort-table.js", "<script>", "</script>")]
    public void The_page_holds_each_embedded_file_as_it_is(string name, string open, string close)
    {
        var bytes = Resource(name);
        Assert.False(bytes.Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }), $"{name} starts with a byte order mark");
        Assert.NotEqual((byte)'\n', bytes[^1]);
        Assert.Contains(open + Encoding.UTF8.GetString(bytes) + close, Page());
    }

    [Fact]
    public void The_policy_allows_by_its_hash_the_one_script_the_page_holds()
    {
        var page = Page();
        var scripts = Regex.Matches(page, "<script>(.*?)</script>", RegexOptions.Singleline);
        var script = Assert.Single(scripts).Groups[1].Value;
        var hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        Assert.Contains($"script-src '{hash}'\"", page);
        Assert.Equal(hash, HtmlAdoptionReport.ScriptHash);
    }
}
