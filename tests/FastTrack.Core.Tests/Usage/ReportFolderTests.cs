using System.Diagnostics;
using System.Text;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Tests.Usage;

/// <summary>What a report folder may hold besides good reports: nothing, a header-only report, files that are
/// not reports, files that are not files. Each is an error or named, never a silent number and never a hang
/// (issue 15, findings 2, 5, 6 and 7).</summary>
public sealed class ReportFolderTests : IDisposable
{
    private readonly ReportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string YammerHeader = "Report Refresh Date,User Principal Name,Display Name,User State,State Change Date,Last Activity Date,Posted Count,Read Count,Liked Count,Assigned Products,Report Period";
    private const string Yammer = "2024-03-31,ana@contoso.com,Ana,,,2024-03-30,1,1,1,MICROSOFT 365 E3,28";

    [Fact]
    public void A_header_only_report_is_an_error_naming_the_file_not_zero_percent()
    {
        _folder.Write("teams.csv", ReportFolder.TeamsHeader);
        _folder.Write("yammer.csv", YammerHeader, Yammer);
        var error = _folder.Refusal(M365Service.Teams);
        Assert.Equal("ReportEmpty", error.ErrorId);
        Assert.Contains("teams.csv", error.Message);
        Assert.Contains("getTeamsUserActivityUserDetail", error.Message);
        Assert.True(Assert.Single(_folder.Measure(M365Service.Yammer)).Succeeded); // the other report still measures
    }

    [Fact]
    public void A_header_only_report_fails_the_service_on_the_paid_units_basis_too()
    {
        _folder.Write("teams.csv", ReportFolder.TeamsHeader);
        _folder.Write("yammer.csv", YammerHeader, Yammer);
        File.WriteAllText(_folder.File("skus.json"), """
            {"value":[{"accountId":"dcd219dd-bc68-4b9b-bf0b-4a33a796be35","capabilityStatus":"Enabled","skuPartNumber":"SPE_E3","skuId":"05e9a617-0261-4cee-bb44-138d3ef5d965",
              "prepaidUnits":{"enabled":20},"servicePlans":[{"servicePlanId":"57ff2da0-773e-42df-b2af-ffb7a2317929","servicePlanName":"TEAMS1","provisioningStatus":"Success"}]}]}
            """);
        var outcome = Assert.Single(new ActiveUsageCalculator().Measure(new FolderUsageSource(_folder.Path), new[] { M365Service.Teams }, _ => new UsageGoal(10, null, UsageBasis.PaidUnits)));
        Assert.Equal("ReportEmpty", outcome.Error?.ErrorId);
    }

    [Fact]
    public void A_folder_whose_only_report_is_header_only_has_no_usage_report()
    {
        _folder.Write("teams.csv", ReportFolder.TeamsHeader);
        var error = Assert.Throws<FtException>(() => new FolderUsageSource(_folder.Path)).Error;
        Assert.Equal("ReportsNotFound", error.ErrorId);
        Assert.Contains("'teams.csv' (getTeamsUserActivityUserDetail with its header and no user rows)", error.Message);
    }

    [Fact]
    public void An_empty_folder_says_no_usage_report_was_found_and_lists_the_reports_read()
    {
        var error = Assert.Throws<FtException>(() => new FolderUsageSource(_folder.Path)).Error;
        Assert.Equal("ReportsNotFound", error.ErrorId);
        Assert.Equal(FtErrorKind.ObjectNotFound, error.Kind);
        Assert.All(ReportDefinition.All, d =>
        {
            Assert.Contains(d.GraphFunction, error.Message);
            Assert.Contains(d.AdminCenterName, error.Message);
        });
        Assert.Contains("Microsoft Teams user activity (getTeamsUserActivityUserDetail)", error.Message);
    }

    [Fact]
    public void A_folder_of_counts_reports_names_them_in_the_error()
    {
        File.Copy(TestData.Path("graph", "getOffice365ActiveUserCounts.example-cli-m365.csv"), _folder.File("counts.csv"));
        var error = Assert.Throws<FtException>(() => new FolderUsageSource(_folder.Path)).Error;
        Assert.Equal("ReportsNotFound", error.ErrorId);
        Assert.Contains("'counts.csv' (not a user-detail report this module reads (its first columns: Report Refresh Date, Office 365, Exchange, OneDrive))", error.Message);
    }

    [Fact]
    public void Files_passed_over_are_named_with_why_and_whether_they_may_be_a_report()
    {
        _folder.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com"));
        File.Copy(TestData.Path("graph", "getOffice365ActiveUserCounts.example-cli-m365.csv"), _folder.File("counts.csv"));
        File.WriteAllBytes(_folder.File("binary.csv"), new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00 }); // an .xlsx renamed
        File.WriteAllBytes(_folder.File("utf16.csv"), new UnicodeEncoding(false, false).GetBytes(YammerHeader + "\r\n" + Yammer + "\r\n"));
        File.WriteAllBytes(_folder.File("empty.csv"), Array.Empty<byte>());
        File.WriteAllText(_folder.File("notes.json"), """{"note":"not subscriptions"}""");

        var source = new FolderUsageSource(_folder.Path);
        var skipped = source.Skipped.ToDictionary(s => Path.GetFileName(s.Path));
        Assert.Equal(new[] { "binary.csv", "counts.csv", "empty.csv", "notes.json", "utf16.csv" }, skipped.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.False(skipped["counts.csv"].Unreadable);
        Assert.False(skipped["notes.json"].Unreadable);
        Assert.True(skipped["binary.csv"].Unreadable);
        Assert.Contains("not text", skipped["binary.csv"].Why);
        Assert.True(skipped["utf16.csv"].Unreadable);
        Assert.Contains("UTF-16 text without a byte order mark", skipped["utf16.csv"].Why);
        Assert.True(skipped["empty.csv"].Unreadable);
        Assert.Equal(new[] { ReportKind.TeamsUserActivityUserDetail }, source.Reports);
    }

    [Fact]
    public void UTF16_with_its_byte_order_mark_is_read()
    {
        File.WriteAllBytes(_folder.File("yammer.csv"), new UnicodeEncoding(false, true).GetPreamble().Concat(new UnicodeEncoding(false, false).GetBytes(YammerHeader + "\r\n" + Yammer + "\r\n")).ToArray());
        Assert.Equal(1, Assert.Single(_folder.Measure(M365Service.Yammer)).Value!.ActiveUsers);
    }

    [Fact]
    public void A_recognised_report_without_its_refresh_date_column_names_the_column()
    {
        // The folder scan read the first row's refresh date at ordinal -1: ArgumentOutOfRangeException 'ordinal'.
        _folder.Write("teams.csv", ReportFolder.TeamsHeader.Replace("Report Refresh Date,", ""), ReportFolder.TeamsRow("ana@contoso.com").Substring("2024-03-31,".Length));
        var error = Assert.Throws<FtException>(() => new FolderUsageSource(_folder.Path)).Error;
        Assert.Equal("ReportColumnMissing", error.ErrorId);
        Assert.Contains("'Report Refresh Date'", error.Message);
        Assert.Contains("teams.csv", error.Message);
    }

    [Fact]
    public async Task A_fifo_named_like_a_report_or_the_subscriptions_is_skipped_not_waited_on()
    {
        if (OperatingSystem.IsWindows()) return; // no FIFOs in a Windows folder
        _folder.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com"));
        var fifos = new[] { _folder.File("pipe.csv"), _folder.File("pipe.json") };
        foreach (var fifo in fifos) MakeFifo(fifo);
        var measuring = Task.Run(() => (Source: new FolderUsageSource(_folder.Path), Results: _folder.Measure(M365Service.Teams)));
        var finished = await Task.WhenAny(measuring, Task.Delay(TimeSpan.FromSeconds(20))) == measuring;
        // A reader blocked on a FIFO is released by a writer that opens and closes it: a regression fails, not hangs.
        // Read-write, because opening a FIFO to write only waits for a reader (Linux opens O_RDWR at once).
        if (!finished) foreach (var fifo in fifos) using (new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite)) { }
        Assert.True(finished, "the measurement waited on a FIFO");
        var (source, results) = await measuring;
        Assert.True(Assert.Single(results).Succeeded);
        var skipped = source.Skipped.ToDictionary(s => Path.GetFileName(s.Path));
        Assert.Contains("not a regular file", skipped["pipe.csv"].Why);
        Assert.Contains("not a regular file", skipped["pipe.json"].Why);
        Assert.True(skipped["pipe.json"].Unreadable);
    }

    [Fact]
    public void Dangling_and_looping_symbolic_links_are_named_and_a_link_to_a_report_is_read()
    {
        if (OperatingSystem.IsWindows()) return; // creating links there needs a privilege
        var elsewhere = new ReportFolder();
        try
        {
            var report = elsewhere.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com"));
            File.CreateSymbolicLink(_folder.File("teams-link.csv"), report);
            File.CreateSymbolicLink(_folder.File("dangling.csv"), _folder.File("nowhere.csv"));
            File.CreateSymbolicLink(_folder.File("loop-a.csv"), _folder.File("loop-b.csv"));
            File.CreateSymbolicLink(_folder.File("loop-b.csv"), _folder.File("loop-a.csv"));
            File.CreateSymbolicLink(_folder.File("loop.json"), _folder.File("loop.json"));
            MakeFifo(elsewhere.File("pipe"));
            File.CreateSymbolicLink(_folder.File("fifo-link.json"), elsewhere.File("pipe"));

            var source = new FolderUsageSource(_folder.Path);
            var skipped = source.Skipped.ToDictionary(s => Path.GetFileName(s.Path), s => s.Why);
            Assert.Contains("does not exist", skipped["dangling.csv"]);
            Assert.Contains("cannot be followed", skipped["loop-a.csv"]);
            Assert.Contains("cannot be followed", skipped["loop-b.csv"]);
            Assert.Contains("cannot be followed", skipped["loop.json"]);
            Assert.Contains("not a regular file", skipped["fifo-link.json"]);
            Assert.Equal(1, Assert.Single(_folder.Measure(M365Service.Teams)).Value!.ActiveUsers);
        }
        finally
        {
            elsewhere.Dispose();
        }
    }

    [Fact]
    public void A_report_that_cannot_be_read_is_an_error_naming_it()
    {
        if (OperatingSystem.IsWindows()) return;
        var report = _folder.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com"));
        File.SetUnixFileMode(report, UnixFileMode.None);
        try
        {
            try { using (File.OpenRead(report)) { } return; } // root reads it anyway: nothing to test
            catch (UnauthorizedAccessException) { }
            var error = Assert.Throws<FtException>(() => new FolderUsageSource(_folder.Path)).Error;
            Assert.Equal("ReportFileUnreadable", error.ErrorId);
            Assert.Equal(FtErrorKind.PermissionDenied, error.Kind);
            Assert.Contains("teams.csv", error.Message);
        }
        finally
        {
            File.SetUnixFileMode(report, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void A_report_gone_after_the_folder_was_read_fails_its_service_naming_the_file()
    {
        _folder.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com"));
        var source = new FolderUsageSource(_folder.Path);
        File.Delete(_folder.File("teams.csv"));
        var outcome = Assert.Single(new ActiveUsageCalculator().Measure(source, new[] { M365Service.Teams }, _ => new UsageGoal(10, null, UsageBasis.LicensedUsers)));
        Assert.Equal("ReportFileUnreadable", outcome.Error?.ErrorId);
        Assert.Contains("teams.csv", outcome.Error!.Message);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false })!;
        Assert.True(mkfifo.WaitForExit(10_000));
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
