using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using FastTrack.Core.AdoptionReports;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Portfolio;
using FastTrack.Core.Sample;
using FastTrack.Core.Usage;

namespace FastTrack.Core.Tests.Reports;

/// <summary>Issue 20: a plan that intends Microsoft 365 Copilot, measured from the sample tenant over weeks, goes through
/// the portfolio, the HTML and Markdown reports and the Excel workbook like any other service.</summary>
public sealed class CopilotInReportsTests
{
    private static readonly DateTime LastDay = new(2026, 11, 22);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private static CustomerPlan Plan()
    {
        var plan = CustomerPlan.New(PlaybookCatalog.Default, SampleTenantOptions.ContosoTenantId, "Contoso", Now.AddDays(-120));
        foreach (var service in new[] { M365Service.Teams, M365Service.Microsoft365Copilot })
        {
            plan.Service(service).Intended = true;
            plan.Service(service).EnabledOn = LastDay.AddDays(-100);
            plan.Service(service).CommunicatedOn = LastDay.AddDays(-95);
        }
        plan.Service(M365Service.Microsoft365Copilot).TargetAU = 40;   // the plan's own target for Copilot
        var source = new SampleUsageSource(new SampleTenant(new SampleTenantOptions { LastDay = LastDay }));
        foreach (var weeksAgo in new[] { 3, 2, 1, 0 })
        {
            var day = LastDay.AddDays(-7 * weeksAgo);
            foreach (var outcome in new ActiveUsageCalculator().Measure(source, new[] { M365Service.Teams, M365Service.Microsoft365Copilot },
                s => new UsageGoal(plan.Service(s).TargetAU, null, UsageBasis.PaidUnits), day))
            {
                var usage = outcome.Value!;
                plan.UsageHistory.Add(new UsageSnapshot { Service = usage.Service, AsOf = usage.AsOf, ActiveUsers = usage.ActiveUsers, Denominator = usage.Denominator,
                    Basis = usage.Basis, ActiveUsagePercent = usage.ActiveUsagePercent });
            }
        }
        return plan;
    }

    [Fact]
    public void The_portfolio_weighs_Copilot_against_its_own_target()
    {
        var entry = PortfolioTriage.Assess(Plan(), PlaybookCatalog.Default, Now.UtcDateTime.Date, CultureInfo.GetCultureInfo("en-US"));
        var copilot = Assert.Single(entry.Services, s => s.Service == M365Service.Microsoft365Copilot);
        Assert.Equal(40, copilot.TargetPercent);
        Assert.Equal(LastDay, copilot.AsOf);
        Assert.NotNull(copilot.ActiveUsagePercent);
        Assert.Equal(2, entry.Services.Count);
        Assert.DoesNotContain(entry.Reasons, r => r.Kind == RiskKind.HandshakePending && r.Text.Contains("Copilot"));
    }

    [Fact]
    public void The_HTML_and_Markdown_reports_and_the_workbook_show_Copilot_by_its_name()
    {
        var report = AdoptionReport.For(new[] { Plan() }, PlaybookCatalog.Default, Now, CultureInfo.GetCultureInfo("en-US"));
        var html = new StringWriter();
        HtmlAdoptionReport.Write(report, html);
        Assert.Contains("Microsoft 365 Copilot", html.ToString());
        var markdown = new StringWriter();
        MarkdownAdoptionReport.Write(report, markdown);
        Assert.Contains("Microsoft 365 Copilot", markdown.ToString());

        using var stream = new MemoryStream();
        ExcelAdoptionReport.Write(report, stream);
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document));
        var text = string.Join("\n", document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>())
            .Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? ""));
        Assert.Contains("Microsoft365Copilot", text);                     // the Data sheet's Service column, as Power BI filters it
    }
}
