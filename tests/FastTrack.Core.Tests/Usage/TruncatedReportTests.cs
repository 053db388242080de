using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Tests.Usage;

/// <summary>Reports cut off or stretched: rows piped in without their last fields, a file that ends inside a
/// quote, a row too long to be one. Errors name the physical line where the row starts (issue 15, findings 4 and 5).</summary>
public sealed class TruncatedReportTests : IDisposable
{
    private readonly ReportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string[] Headers = ReportFolder.TeamsHeader.Split(',');

    // What Import-Csv makes of a file whose last line was cut after `fields` fields: $null for the rest.
    private static Dictionary<string, string?> ImportCsvRow(string upn, int fields = int.MaxValue)
    {
        var values = ReportFolder.TeamsRow(upn).Split(',');
        return Headers.Select((h, i) => (h, v: i < fields ? values[i] : null)).ToDictionary(p => p.h, p => p.v, StringComparer.OrdinalIgnoreCase);
    }

    private static FtError ScanRowsRefusal(params Dictionary<string, string?>[] rows) =>
        Assert.Throws<FtException>(() => ActiveUsageCalculator.ScanRows(rows[0], rows.Skip(1), "the report rows piped in")).Error;

    [Fact]
    public void An_Import_Csv_row_cut_off_is_refused_naming_the_row_and_the_missing_fields()
    {
        // Cut after 'Is Deleted': the row was counted as a licensed user before.
        var error = ScanRowsRefusal(ImportCsvRow("ana@contoso.com"), ImportCsvRow("ben@contoso.com"), ImportCsvRow("cy@contoso.com", fields: 5));
        Assert.Equal("ReportRowMalformed", error.ErrorId);
        Assert.StartsWith("Row 3 of the report rows piped in has 5 fields where the header has 15 (no 'Deleted Date', 'Assigned Products',", error.Message);
        Assert.Contains("the row is cut off", error.Message);
    }

    [Fact]
    public void A_row_piped_in_without_a_property_the_first_row_has_is_refused()
    {
        var partial = ImportCsvRow("ben@contoso.com");
        partial.Remove("Is Licensed");
        var error = ScanRowsRefusal(ImportCsvRow("ana@contoso.com"), partial);
        Assert.Equal("ReportRowMalformed", error.ErrorId);
        Assert.Contains("Row 2 of the report rows piped in has 14 fields where the header has 15 (no 'Is Licensed')", error.Message);
    }

    [Fact]
    public void Empty_fields_piped_in_are_fields()
    {
        // Import-Csv gives "" for an empty field, never null: Deleted Date and User Id are empty in every real row.
        var scan = ActiveUsageCalculator.ScanRows(ImportCsvRow("ana@contoso.com"), new[] { ImportCsvRow("ben@contoso.com") }, "the report rows piped in");
        Assert.Equal(2, scan.Tallies[M365Service.Teams].Active);
    }

    [Fact]
    public void A_file_ending_inside_a_quoted_field_is_an_error_naming_the_file_and_line()
    {
        _folder.WriteText("teams.csv", ReportFolder.TeamsHeader + "\r\n" + ReportFolder.TeamsRow("ana@contoso.com") + "\r\n"
            + "2024-03-31,,ben@contoso.com,2024-03-30,False,,\"MICROSOFT 365 E3+MICRO");
        var error = _folder.Refusal(M365Service.Teams);
        Assert.Equal("ReportTruncated", error.ErrorId);
        Assert.StartsWith("Line 3 of '", error.Message);
        Assert.Contains("teams.csv", error.Message);
        Assert.Contains("column 'Assigned Products'", error.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_names_the_line_and_column()
    {
        _folder.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com"),
            "2024-03-31,,ben@contoso.com,2024-03-30,False,,\"E3\"x,0,0,0,0,No,PT0S,Yes,28");
        var error = _folder.Refusal(M365Service.Teams);
        Assert.Equal("ReportRowMalformed", error.ErrorId);
        Assert.StartsWith("Line 3 of '", error.Message);
        Assert.Contains("column 'Assigned Products'", error.Message);
    }

    [Fact]
    public void Lines_are_physical_when_a_quoted_field_spans_lines()
    {
        // The second and third rows take two lines each: the fourth row, with the bad date, starts on line 7.
        _folder.Write("teams.csv", ReportFolder.TeamsHeader,
            ReportFolder.TeamsRow("ana@contoso.com"),
            "2024-03-31,,ben@contoso.com,2024-03-30,False,,\"MICROSOFT 365 E3\r\nTEAMS\",0,0,0,0,No,PT0S,Yes,28",
            "2024-03-31,,cy@contoso.com,2024-03-30,False,,\"MICROSOFT 365 E3\nTEAMS\",0,0,0,0,No,PT0S,Yes,28",
            ReportFolder.TeamsRow("dee@contoso.com", lastActivity: "30/03/2024"));
        var error = _folder.Refusal(M365Service.Teams);
        Assert.Equal("ReportDateInvalid", error.ErrorId);
        Assert.StartsWith("Line 7 of '", error.Message);
    }

    [Fact]
    public void Duplicate_lines_are_physical_too()
    {
        _folder.Write("teams.csv", ReportFolder.TeamsHeader,
            "2024-03-31,,ana@contoso.com,2024-03-30,False,,\"A\r\nB\r\nC\",0,0,0,0,No,PT0S,Yes,28",
            ReportFolder.TeamsRow("ana@contoso.com"));
        Assert.Contains("on line 2 and line 5", _folder.Refusal(M365Service.Teams).Message);
    }

    [Fact]
    public void A_row_over_64K_is_read()
    {
        // Sylvan's buffer was fixed at 64K characters: CsvRecordTooLargeException.
        var products = "\"" + string.Join("+", Enumerable.Repeat("MICROSOFT 365 E3", 8_000)) + "\"";
        _folder.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com"),
            ReportFolder.TeamsRow("ben@contoso.com").Replace("MICROSOFT 365 E3", products));
        Assert.Equal(2, Assert.Single(_folder.Measure(M365Service.Teams)).Value!.ActiveUsers);
    }

    [Theory]
    [InlineData(0, 2)] // the first row: Sylvan meets it while reading the header
    [InlineData(2, 4)]
    public void A_row_too_long_to_be_one_is_an_error_naming_the_line(int rowsBefore, int line)
    {
        var huge = new string('x', CsvReportRows.MaxRowChars + 10);
        _folder.Write("teams.csv", ReportFolder.TeamsHeader,
            Enumerable.Range(0, rowsBefore).Select(i => ReportFolder.TeamsRow($"u{i}@contoso.com")).Append(ReportFolder.TeamsRow("big@contoso.com").Replace("MICROSOFT 365 E3", huge)).ToArray());
        var error = _folder.Refusal(M365Service.Teams);
        Assert.Equal("ReportRowTooLarge", error.ErrorId);
        Assert.StartsWith($"Line {line} of '", error.Message);
    }

    [Fact]
    public void A_quote_never_closed_does_not_swallow_the_rest_silently()
    {
        // Everything after the stray quote is one field to the end of the file: refused, not a shorter report.
        _folder.Write("teams.csv", ReportFolder.TeamsHeader,
            ReportFolder.TeamsRow("ana@contoso.com").Replace("MICROSOFT 365 E3", "\"MICROSOFT 365 E3"),
            ReportFolder.TeamsRow("ben@contoso.com"), ReportFolder.TeamsRow("cy@contoso.com"));
        var error = _folder.Refusal(M365Service.Teams);
        Assert.Equal("ReportTruncated", error.ErrorId);
        Assert.StartsWith("Line 2 of '", error.Message);
    }
}
