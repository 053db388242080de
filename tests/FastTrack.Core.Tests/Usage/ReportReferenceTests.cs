using System.Text;
using FastTrack.Core.Playbook;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Tests.Usage;

/// <summary>Every report kind against the Graph documentation's header and the real rows in
/// TestData/graph (see its README).</summary>
public sealed class ReportReferenceTests
{
    private static ReportScan ScanFile(string name, ReportKind kind)
    {
        using var rows = new CsvReportRows(File.OpenRead(TestData.Path("graph", name)), name);
        return ReportScanner.Scan(rows, ReportDefinition.For(kind));
    }

    [Theory]
    [InlineData("getTeamsUserActivityUserDetail.csv", ReportKind.TeamsUserActivityUserDetail)]
    [InlineData("getTeamsUserActivityUserDetail.example-cli-m365.csv", ReportKind.TeamsUserActivityUserDetail)]
    [InlineData("getTeamsUserActivityUserDetail.v1.0-older-doc-version.csv", ReportKind.TeamsUserActivityUserDetail)]
    [InlineData("getYammerActivityUserDetail.csv", ReportKind.YammerActivityUserDetail)]
    [InlineData("getEmailAppUsageUserDetail.csv", ReportKind.EmailAppUsageUserDetail)]
    [InlineData("getOneDriveActivityUserDetail.csv", ReportKind.OneDriveActivityUserDetail)]
    [InlineData("getSharePointActivityUserDetail.csv", ReportKind.SharePointActivityUserDetail)]
    [InlineData("getEmailActivityUserDetail.csv", ReportKind.EmailActivityUserDetail)]
    [InlineData("getM365AppUserDetail.csv", ReportKind.M365AppUserDetail)]
    [InlineData("getOffice365ActivationsUserDetail.csv", ReportKind.Office365ActivationsUserDetail)]
    [InlineData("getOffice365ActiveUserDetail.csv", ReportKind.Office365ActiveUserDetail)]
    public void Each_documented_header_is_recognised_and_has_every_column_the_engine_reads(string file, ReportKind kind)
    {
        var scan = ScanFile(file, kind);
        Assert.Equal(kind, ReportDefinition.Recognise(File.ReadLines(TestData.Path("graph", file)).First().Split(','))!.Kind);
        Assert.True(scan.Rows <= 1);
    }

    [Theory]
    [InlineData("getCounts", "getOffice365ActiveUserCounts.csv")]
    [InlineData("getCounts", "getTeamsUserActivityUserCounts.csv")]
    [InlineData("getCounts", "getMailboxUsageDetail.csv")]
    public void Reports_the_engine_does_not_read_are_not_mistaken_for_one(string _, string file)
    {
        Assert.Null(ReportDefinition.Recognise(File.ReadLines(TestData.Path("graph", file)).First().Split(',')));
    }

    [Fact]
    public void The_real_Teams_row_with_its_column_order_Yes_No_and_durations_counts_as_active_licensed_and_concealed()
    {
        var scan = ScanFile("getTeamsUserActivityUserDetail.example-cli-m365.csv", ReportKind.TeamsUserActivityUserDetail);
        Assert.Equal(new DateTime(2022, 10, 28), scan.RefreshDate);
        Assert.Equal(1, scan.Tallies[M365Service.Teams].Active);   // last activity 2022-10-26
        Assert.Equal(1, scan.Tallies[M365Service.Teams].Licensed); // Is Licensed: Yes
        Assert.True(scan.ConcealedNames);                           // UPN 6E55A185B405B6F2A6804BB7897C8AAB
        Assert.Equal("CONTOSO", scan.TenantDisplayName);
    }

    [Theory]
    [InlineData("getOneDriveActivityUserDetail.example-cli-m365.csv", ReportKind.OneDriveActivityUserDetail, M365Service.OneDrive, 0, 1, true)]      // 2022-12-27 vs 2023-05-20
    [InlineData("getSharePointActivityUserDetail.example-cli-m365.csv", ReportKind.SharePointActivityUserDetail, M365Service.SharePoint, 0, 1, false)] // 2022-09-08 vs 2022-11-26
    [InlineData("getEmailActivityUserDetail.example-cli-m365.csv", ReportKind.EmailActivityUserDetail, M365Service.Exchange, 0, 1, true)]
    [InlineData("getEmailAppUsageUserDetail.example-cli-m365.csv", ReportKind.EmailAppUsageUserDetail, M365Service.OutlookMobile, 0, 1, false)]       // Outlook for Windows only
    [InlineData("getYammerActivityUserDetail.example-cli-m365.csv", ReportKind.YammerActivityUserDetail, M365Service.Yammer, 0, 1, true)]            // never active
    public void Real_rows_of_each_report_are_counted_by_the_28_day_window(string file, ReportKind kind, M365Service service, long active, long licensed, bool concealed)
    {
        var scan = ScanFile(file, kind);
        Assert.Equal(active, scan.Tallies[service].Active);
        Assert.Equal(licensed, scan.Tallies[service].Licensed);
        Assert.Equal(concealed, scan.ConcealedNames);
    }

    [Fact]
    public void The_multi_service_report_and_the_activations_report_give_licences()
    {
        var active = ScanFile("getOffice365ActiveUserDetail.example-cli-m365.csv", ReportKind.Office365ActiveUserDetail);
        Assert.All(new[] { M365Service.Exchange, M365Service.OneDrive, M365Service.SharePoint, M365Service.Yammer, M365Service.Teams },
            s => Assert.Equal(1, active.Tallies[s].Licensed));
        Assert.Equal(0, active.Tallies[M365Service.Teams].Active); // 2017-09-20 vs 2022-10-23
        var activations = ScanFile("getOffice365ActivationsUserDetail.example-cli-m365.csv", ReportKind.Office365ActivationsUserDetail);
        Assert.Equal(1, activations.Tallies[M365Service.Microsoft365Apps].Licensed);
    }

    [Fact]
    public void A_BOM_and_quoted_fields_with_commas_and_quotes_are_read()
    {
        var csv = "\uFEFFReport Refresh Date,User Principal Name,Is Deleted,Deleted Date,Last Activity Date,Viewed Or Edited File Count,Synced File Count,Shared Internally File Count,Shared Externally File Count,Assigned Products,Report Period\n" +
                  "2026-11-20,a@contoso.com,False,,2026-11-19,1,0,0,0,\"OFFICE 365 E3, \"\"SPECIAL\"\"+POWER BI (FREE)\",30\n";
        using var rows = new CsvReportRows(new MemoryStream(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.TrimStart('\uFEFF'))).ToArray()), "bom.csv");
        Assert.Equal("Report Refresh Date", rows.Headers[0]);
        var scan = ReportScanner.Scan(rows, ReportDefinition.For(ReportKind.OneDriveActivityUserDetail));
        Assert.Equal(1, scan.Tallies[M365Service.OneDrive].Active);
    }
}
