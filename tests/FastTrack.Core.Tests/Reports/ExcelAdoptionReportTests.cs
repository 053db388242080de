using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using FastTrack.Core.AdoptionReports;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Usage;

namespace FastTrack.Core.Tests.Reports;

/// <summary>Issue 20: the adoption report as an Excel workbook, read back with the Open XML SDK and checked by its
/// validator: the portfolio ranked by risk, a sheet per customer, a flat data table for Power BI.</summary>
public sealed class ExcelAdoptionReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static CustomerPlan Plan(string customer, double yammer)
    {
        var plan = CustomerPlan.New(PlaybookCatalog.Default, Guid.NewGuid(), customer, Now);
        plan.Service(M365Service.Teams).Intended = true;
        plan.Service(M365Service.Yammer).Intended = true;
        foreach (var (service, percent) in new[] { (M365Service.Teams, 30.1), (M365Service.Yammer, yammer) })
        {
            plan.UsageHistory.Add(new UsageSnapshot { Service = service, AsOf = new DateTime(2026, 11, 28), ActiveUsers = (long)(percent * 10), Denominator = 1000,
                Basis = UsageBasis.PaidUnits, ActiveUsagePercent = percent });
        }
        plan.Blockers.Add(new Blocker { Id = 1, Description = "=HYPERLINK(\"http://x\") \u0001 proxy", Opened = new DateTime(2026, 10, 1) });
        return plan;
    }

    private static MemoryStream Workbook(params CustomerPlan[] plans)
    {
        var report = AdoptionReport.For(plans, PlaybookCatalog.Default, Now, CultureInfo.GetCultureInfo("en-US"));
        var stream = new MemoryStream();
        ExcelAdoptionReport.Write(report, stream);
        stream.Position = 0;
        return stream;
    }

    private static IReadOnlyList<IReadOnlyList<string>> Rows(WorkbookPart workbook, string sheet)
    {
        var id = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var part = (WorksheetPart)workbook.GetPartById(id);
        // By the cells' references: an empty value is no cell at all.
        return part.Worksheet.Descendants<Row>().Select(r =>
        {
            var cells = r.Elements<Cell>().ToDictionary(c => Column(c.CellReference!.Value!), c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "");
            return (IReadOnlyList<string>)Enumerable.Range(0, cells.Count == 0 ? 0 : cells.Keys.Max() + 1).Select(i => cells.GetValueOrDefault(i, "")).ToList();
        }).ToList();
    }

    private static int Column(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) column = column * 26 + (c - 'A' + 1);
        return column - 1;
    }

    [Fact]
    public void The_workbook_is_valid_Open_XML_with_the_portfolio_a_sheet_per_customer_and_the_data_table()
    {
        using var stream = Workbook(Plan("Contoso", 20), Plan("Fabrikam", 3), Plan("Contoso", 20));
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal("Portfolio", names[0]);
        Assert.Equal("Data", names[^1]);
        Assert.Contains("Contoso (2)", names); // sheet names are unique
        var portfolio = Rows(document.WorkbookPart, "Portfolio");
        Assert.Equal("Fabrikam", portfolio[1][0]); // riskiest first: Yammer at 3% is below target
        Assert.Contains("Yammer AU is 3.0%", portfolio[1][7]);
    }

    [Fact]
    public void The_data_sheet_has_a_row_per_measurement_typed_and_in_a_table()
    {
        using var stream = Workbook(Plan("Contoso", 20));
        using var document = SpreadsheetDocument.Open(stream, false);
        var data = Rows(document.WorkbookPart!, "Data");
        Assert.Equal(new[] { "TenantId", "Customer", "Service", "AsOf", "ActiveUsers", "Denominator", "Basis", "ActiveUsagePercent", "TargetPercent", "MeetsTarget" }, data[0]);
        Assert.Equal(3, data.Count);
        var teams = data.Single(r => r.Count > 2 && r[2] == "Teams");
        Assert.Equal(new DateTime(2026, 11, 28).ToOADate().ToString(CultureInfo.InvariantCulture), teams[3]);
        Assert.Equal("30.1", teams[7]);
        Assert.Equal("1", teams[9]);
        var table = document.WorkbookPart!.WorksheetParts.SelectMany(p => p.TableDefinitionParts).Single().Table;
        Assert.Equal(ExcelAdoptionReport.DataTable, table.Name!.Value);
        Assert.Equal("A1:J3", table.Reference!.Value);
    }

    [Fact]
    public void User_text_is_a_string_never_a_formula_and_loses_only_what_XML_cannot_hold()
    {
        using var stream = Workbook(Plan("Contoso", 20));
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
        var customer = Rows(document.WorkbookPart, "Contoso");
        Assert.Contains(customer, r => r.Contains("=HYPERLINK(\"http://x\")  proxy"));
    }

    [Fact]
    public void A_write_only_stream_such_as_an_atomic_file_gets_the_same_valid_workbook()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");
        try
        {
            var report = AdoptionReport.For(new[] { Plan("Contoso", 20) }, PlaybookCatalog.Default, Now, CultureInfo.GetCultureInfo("en-US"));
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write)) ExcelAdoptionReport.Write(report, file);
            using var document = SpreadsheetDocument.Open(path, false);
            Assert.Empty(new OpenXmlValidator().Validate(document));
        }
        finally { File.Delete(path); }
    }
}
