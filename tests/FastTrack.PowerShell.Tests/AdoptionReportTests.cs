using FastTrack.PowerShell.Tests.Browser;

namespace FastTrack.PowerShell.Tests;

/// <summary>Export-FtAdoptionReport written by the real engine and opened in headless Chromium: it loads
/// with no console error and no network request, every chart has its data points, and markup fed into
/// every text field stays text.</summary>
public sealed class AdoptionReportTests : IClassFixture<ModuleSession>, IDisposable
{
    private const string Sample = "7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b";
    private const string Hostile = "5d2f3c1b-0a9e-4d8c-b7a6-958473625140";
    private const string Script = "<script>window.__xss=1</script>";
    private const string Image = "<img src=x onerror=\"window.__xss=2\">";
    private const string Breakout = "\"><svg onload=window.__xss=3>";
    private const string Tailspin = "3b9d7e21-6c4f-4a8e-9d1b-2e5f7a8c0d34";
    private const string Longest = "8a4c2e6f-1b3d-4f5a-8c7e-9d0b1a2c3e4f";
    private const string Rlo = "\u202E";  // RIGHT-TO-LEFT OVERRIDE: reverses what follows, up to the end of its isolate
    private const string Pdi = "\u2069";  // POP DIRECTIONAL ISOLATE: alone, it closes the isolate it sits in
    private static readonly DateTime SampleLastDay = DateTime.UtcNow.Date.AddDays(-2);
    private readonly ModuleSession _session;
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));
    private readonly string _out = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));

    public AdoptionReportTests(ModuleSession session)
    {
        _session = session;
        Directory.CreateDirectory(_out);
        Run($"New-FtCustomerPlan -TenantId {Sample} -Customer Contoso -CsmName 'Avery Smith' -IntendedService Teams, Yammer, OneDrive -Workspace $args[0] | Out-Null; " +
            $"Set-FtCustomerPlan -TenantId {Sample} -Service Teams, Yammer, OneDrive -EnabledOn 2026-06-01 -CommunicatedOn 2026-06-05 -TargetDate $args[2] -Workspace $args[0]; " +
            $"Add-FtBlocker -TenantId {Sample} -Service Yammer -Description 'Network team blocks the Viva Engage app on phones' -Owner 'IT ops' -Workspace $args[0] | Out-Null; " +
            $"New-FtCheckInSchedule -TenantId {Sample} -Workspace $args[0] | Out-Null",
            DateTime.Today.AddDays(60)).AssertNoErrors();
        foreach (var weeksAgo in new[] { 5, 4, 3, 2, 1, 0 })
            Run($"Measure-FtActiveUsage -TenantId {Sample} -AsOf $args[2] -Save -Workspace $args[0] | Out-Null", SampleLastDay.AddDays(-7 * weeksAgo)).AssertNoErrors();
    }

    public void Dispose()
    {
        foreach (var dir in new[] { _workspace, _out })
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private ScriptResult Run(string script, params object[] more) => _session.Run(script, new object[] { _workspace, _out }.Concat(more).ToArray());

    private void AddHostilePlan()
    {
        Run($"New-FtCustomerPlan -TenantId {Hostile} -Customer $args[2] -CsmName $args[3] -IntendedService Teams -Workspace $args[0] | Out-Null; " +
            $"Add-FtBlocker -TenantId {Hostile} -Description $args[4] -Owner $args[2] -Workspace $args[0] | Out-Null; " +
            $"Set-FtTask -TenantId {Hostile} -Id 3731 -Note $args[3] -Owner $args[4] -Workspace $args[0]",
            "Fabrikam " + Script, Breakout, Image).AssertNoErrors();
    }

    [BrowserFact]
    public void Bidi_overrides_and_a_100000_character_name_change_neither_the_order_nor_the_width_of_the_page()
    {
        // Right-to-left overrides in every kind of text, one behind a stray PDI; an unbroken 100,000-character name.
        Run($"New-FtCustomerPlan -TenantId {Tailspin} -Customer $args[2] -CsmName $args[3] -IntendedService Teams -Workspace $args[0] | Out-Null; " +
            $"Set-FtCustomerPlan -TenantId {Tailspin} -Service Teams -EnabledOn 2026-06-01 -CommunicatedOn 2026-06-05 -Workspace $args[0]; " +
            $"Add-FtBlocker -TenantId {Tailspin} -Service Teams -Description $args[4] -Owner $args[3] -Workspace $args[0] | Out-Null; " +
            $"Set-FtTask -TenantId {Tailspin} -Id 3731 -Note $args[4] -Owner $args[2] -Workspace $args[0]; " +
            $"New-FtCustomerPlan -TenantId {Longest} -Customer $args[5] -CsmName $args[5] -IntendedService Teams -Workspace $args[0] | Out-Null; " +
            $"Add-FtBlocker -TenantId {Longest} -Description $args[5] -Owner $args[5] -Workspace $args[0] | Out-Null",
            "Tailspin " + Rlo + "Toys", "Avery " + Pdi + Rlo + "Smith", "Proxy " + Pdi + Rlo + "blocks Teams", new string('W', 100_000)).AssertNoErrors();
        var path = Path.Combine(_out, "bidi.html");
        Run("Export-FtAdoptionReport -Path $args[2] -Workspace $args[0]", path).AssertNoErrors();

        using var chromium = new HeadlessChromium();
        chromium.Open(path);
        Assert.Empty(chromium.Errors);

        // The page is as wide as the 1200-pixel window, not as the name: long words wrap.
        var width = (int)chromium.Evaluate("document.documentElement.scrollWidth")!;
        Assert.InRange(width, 1, 1200 + 16);

        // Every bidi control of the user's sits inside a <bdi>...
        Assert.True((int)chromium.Evaluate("document.querySelectorAll('bdi').length")! > 0);
        Assert.Equal(0, (int)chromium.Evaluate(
            "(function(){var w=document.createTreeWalker(document.body,NodeFilter.SHOW_TEXT),n,c=0;" +
            "while(n=w.nextNode()){if(/[\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C]/.test(n.data)&&!n.parentElement.closest('bdi'))c++;}return c;})()")!);
        // ...and the module's words that follow it in the same line are laid out left to right: the criterion
        // "not handed to CSM <name> yet: Teams", and the reason after the action "Resolve blocker #1: <blocker>".
        foreach (var word in new[] { "yet: Teams", "the playbook asks" })
            Assert.Equal("in order", (string)chromium.Evaluate(InOrder(word))!);
        Assert.Empty(chromium.Errors);
    }

    /// <summary>Script that finds the rendered occurrences of <paramref name="word"/> and says whether each one's
    /// letters go left to right, line after line ("in order"), or what was reversed.</summary>
    private static string InOrder(string word) =>
        "(function(word){var w=document.createTreeWalker(document.body,NodeFilter.SHOW_TEXT),n,seen=0,bad=[];" +
        "while(n=w.nextNode()){for(var i=n.data.indexOf(word);i>=0;i=n.data.indexOf(word,i+1)){var r=document.createRange(),at=[];" +
        "for(var j=i;j<i+word.length;j++){if(n.data[j]===' ')continue;r.setStart(n,j);r.setEnd(n,j+1);var b=r.getBoundingClientRect();if(b.width>0)at.push(b);}" +
        "if(at.length<2)continue;seen++;" +
        "if(!at.every(function(b,k){var a=at[k-1];return k===0||(Math.abs(b.top-a.top)<2?b.left>a.left:b.top>a.top);}))bad.push(n.data.slice(0,80));}}" +
        "return seen===0?'not found: '+word:bad.length?'reversed: '+bad.join(' | '):'in order';})(" + System.Text.Json.JsonSerializer.Serialize(word) + ")";

    [BrowserFact]
    public void The_sample_tenants_report_loads_offline_with_every_data_point_and_no_error()
    {
        var path = Path.Combine(_out, "contoso.html");
        var file = Run($"Export-FtAdoptionReport -TenantId {Sample} -Path $args[2] -PassThru -Workspace $args[0]", path).Single();
        Assert.Equal(path, file.Str("FullName"));

        using var chromium = new HeadlessChromium();
        chromium.Open(path);
        // The screenshot and the page are kept as test artifacts (and, when asked, as the docs' example) first,
        // so a failure below can be looked at.
        var png = chromium.Screenshot();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png.Take(4));
        var artifacts = Path.Combine(ModulePaths.RepoRoot, "artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllBytes(Path.Combine(artifacts, "sample-adoption-report.png"), png);
        File.Copy(path, Path.Combine(artifacts, "sample-adoption-report.html"), overwrite: true);
        if (Environment.GetEnvironmentVariable("FASTTRACK_UPDATE_DOCS") == "1")
        {
            File.WriteAllBytes(Path.Combine(ModulePaths.RepoRoot, "docs", "sample-adoption-report.png"), png);
            File.Copy(path, Path.Combine(ModulePaths.RepoRoot, "docs", "sample-adoption-report.html"), overwrite: true);
        }
        Assert.Empty(chromium.Errors);
        Assert.All(chromium.Requests, url => Assert.StartsWith("file://", url));
        Assert.Equal(3, (int)chromium.Evaluate("document.querySelectorAll('svg.bars rect.bar[data-value]').length")!);
        Assert.Equal(3, (int)chromium.Evaluate("document.querySelectorAll('svg.trend').length")!);
        Assert.Equal(18, (int)chromium.Evaluate("document.querySelectorAll('svg.trend circle.point[data-value]').length")!);
        // Each chart's table twin holds the same numbers.
        var teamsBar = (string)chromium.Evaluate("document.querySelector('svg.bars rect[data-service=Teams]').getAttribute('data-value')")!;
        Assert.Contains(teamsBar, (string)chromium.Evaluate("document.querySelector('table.chart-data').textContent")!);
        Assert.True((bool)chromium.Evaluate("document.body.innerText.includes('10% goal') || document.querySelector('.goal-label').textContent.includes('10% goal')")!);
        Assert.True((bool)chromium.Evaluate("document.body.innerText.includes('Network team blocks the Viva Engage app on phones')")!);

        // It prints: A4 through Chromium's own PDF printer, print styles applied, no error.
        var pdf = Convert.FromBase64String((string)chromium.Send("Page.printToPDF", new System.Text.Json.Nodes.JsonObject
        {
            ["paperWidth"] = 8.27, ["paperHeight"] = 11.69, ["preferCSSPageSize"] = true, ["printBackground"] = true,
        })!["data"]!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.True(pdf.Length > 10_000, $"{pdf.Length} bytes");
        Assert.Empty(chromium.Errors);

    }

    [BrowserFact]
    public void Markup_in_every_text_field_stays_text_in_the_portfolio()
    {
        AddHostilePlan();
        var path = Path.Combine(_out, "portfolio.html");
        Run("Export-FtAdoptionReport -Path $args[2] -Workspace $args[0]", path).AssertNoErrors();

        using var chromium = new HeadlessChromium();
        chromium.Open(path);
        Assert.Empty(chromium.Errors);
        Assert.All(chromium.Requests, url => Assert.StartsWith("file://", url));
        Assert.True((bool)chromium.Evaluate("typeof window.__xss === 'undefined'")!);
        Assert.Equal(0, (int)chromium.Evaluate("document.querySelectorAll('img, script:not(:last-of-type), svg[onload]').length")!);
        foreach (var text in new[] { Script, Image, Breakout })
            Assert.True((bool)chromium.Evaluate($"document.body.textContent.includes({System.Text.Json.JsonSerializer.Serialize(text)})")!);

        // The portfolio: one row per customer, linked to its section, sortable.
        Assert.Equal(2, (int)chromium.Evaluate("document.querySelectorAll('#portfolio tbody tr').length")!);
        Assert.True((bool)chromium.Evaluate("Array.from(document.querySelectorAll('#portfolio a')).every(a => document.getElementById(a.getAttribute('href').slice(1)) !== null)")!);
        var first = (string)chromium.Evaluate("document.querySelector('#portfolio tbody tr td').textContent")!;
        chromium.Evaluate("document.querySelector('#portfolio th button').click(); document.querySelector('#portfolio th button').click(); 0");
        Assert.NotEqual(first, (string)chromium.Evaluate("document.querySelector('#portfolio tbody tr td').textContent")!);
        Assert.Empty(chromium.Errors);
    }

    [Fact]
    public void WhatIf_writes_nothing_an_existing_file_needs_Force_and_Markdown_escapes_user_text()
    {
        AddHostilePlan();
        var md = Path.Combine(_out, "portfolio.md");
        Run("Export-FtAdoptionReport -Path $args[2] -WhatIf -Workspace $args[0]", md).AssertNoErrors();
        Assert.False(File.Exists(md));
        Run("Export-FtAdoptionReport -Path $args[2] -Workspace $args[0]", md).AssertNoErrors();
        var text = File.ReadAllText(md);
        Assert.StartsWith("# Adoption portfolio", text);
        Assert.Matches(@"\| Teams \| \d+\.\d% \| 10% \| ✓ met \|", text);
        Assert.DoesNotContain("<script>", text);
        Assert.DoesNotContain("<img", text);
        Assert.Contains("&lt;script&gt;", text);

        var exists = Assert.Single(Run("Export-FtAdoptionReport -Path $args[2] -Workspace $args[0]", md).Errors);
        Assert.Equal("FileExists,FastTrack.PowerShell.Reports.ExportFtAdoptionReportCommand", exists.FullyQualifiedErrorId);
        Run("Export-FtAdoptionReport -Path $args[2] -Format Html -Force -Workspace $args[0]", md).AssertNoErrors();
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(md));
    }

    // Issue 20: the same report as an Excel workbook, written atomically from a .xlsx path.
    [Fact]
    public void A_xlsx_path_writes_an_Excel_workbook_with_the_portfolio_the_customer_and_the_data_sheets()
    {
        var path = Path.Combine(_out, "report.xlsx");
        Run("Export-FtAdoptionReport -Path $args[2] -Workspace $args[0]", path).AssertNoErrors();
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        var workbook = reader.ReadToEnd();
        Assert.Matches("name=\"Portfolio\".*name=\"Contoso\".*name=\"Data\"", workbook);
        Assert.Contains(zip.Entries, e => e.FullName.StartsWith("xl/tables/", StringComparison.Ordinal));
    }
}
