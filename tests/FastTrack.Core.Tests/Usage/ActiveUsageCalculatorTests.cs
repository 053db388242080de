using System.Text;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;

namespace FastTrack.Core.Tests.Usage;

/// <summary>A tenant small enough to count by hand, written to a real folder as the admin center
/// exports it (BOM, quoting, the real Teams column order), measured on both bases.</summary>
public sealed class ActiveUsageCalculatorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // Refresh date 2024-03-31: the 28-day window is 2024-03-04 .. 2024-03-31, both included.
    private const string TeamsHeader = "Report Refresh Date,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Call Count,Meeting Count,Has Other Action,Audio Duration,Is Licensed,Report Period";
    private static readonly string[] TeamsRows =
    {
        "2024-03-31,,ana@contoso.com,2024-03-30,False,,\"MICROSOFT 365 E3+MICROSOFT POWER AUTOMATE FREE\",3,0,0,1,No,PT1H2M,Yes,28", // active
        "2024-03-31,,ben@contoso.com,2024-03-04,False,,MICROSOFT 365 E3,0,1,0,0,No,PT0S,Yes,28",                                   // first day of the window
        "2024-03-31,,cy@contoso.com,2024-03-03,False,,MICROSOFT 365 E3,0,0,0,0,No,PT0S,Yes,28",                                    // a day too early
        "2024-03-31,,dee@contoso.com,,False,,,0,0,0,0,No,PT0S,No,28",                                                              // not licensed, never
        "2024-03-31,,eve@contoso.com,2024-03-30,True,2024-03-20,MICROSOFT 365 E3,5,5,0,0,Yes,PT5M,Yes,28",                        // deleted: left out
    };

    private const string EmailAppHeader = "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Last Activity Date,Mail For Mac,Outlook For Mac,Outlook For Windows,Outlook For Mobile,Other For Mobile,Outlook For Web,POP3 App,IMAP4 App,SMTP App,Report Period";
    private static readonly string[] EmailAppRows =
    {
        "2024-03-31,ana@contoso.com,\"Ana, Sales\",False,,2024-03-29,,,ProPlus,Undetermined,,,,,,28", // Outlook on a phone
        "2024-03-31,ben@contoso.com,Ben,False,,2024-03-29,,,ProPlus,,,Undetermined,,,,28",          // desktop and web only
        "2024-03-31,cy@contoso.com,Cy,False,,2024-02-01,,,,Undetermined,,,,,,28",                    // phone, but before the window
    };

    private static string Skus(int e3Units, string accountId = "dcd219dd-bc68-4b9b-bf0b-4a33a796be35") => $$"""
        {"value":[{"accountId":"{{accountId}}","capabilityStatus":"Enabled","consumedUnits":4,"skuPartNumber":"SPE_E3",
          "skuId":"05e9a617-0261-4cee-bb44-138d3ef5d965","prepaidUnits":{"enabled":{{e3Units}},"suspended":0,"warning":0},
          "servicePlans":[{"servicePlanId":"57ff2da0-773e-42df-b2af-ffb7a2317929","servicePlanName":"TEAMS1","provisioningStatus":"Success","appliesTo":"User"},
                          {"servicePlanId":"efb87545-963c-4e0d-99df-69c6916d9eb0","servicePlanName":"EXCHANGE_S_ENTERPRISE","provisioningStatus":"Success","appliesTo":"User"}]}]}
        """;

    private void Write(string name, string header, IEnumerable<string> rows) =>
        File.WriteAllText(Path.Combine(_dir.Path, name), string.Join("\r\n", new[] { header }.Concat(rows)) + "\r\n", new UTF8Encoding(true));

    private IReadOnlyList<Outcome<ActiveUsage>> Measure(UsageBasis basis, params M365Service[] services) =>
        new ActiveUsageCalculator().Measure(new FolderUsageSource(_dir.Path), services, _ => new UsageGoal(10, 5, basis));

    private void WriteTenant(int paidUnits = 20)
    {
        // File names as the admin center gives them: dates in them, nothing the engine could rely on.
        Write("TeamsUserActivityUserDetail3_31_2024 8_00_00 AM.csv", TeamsHeader, TeamsRows);
        Write("EmailAppUsageUserDetail3_31_2024.csv", EmailAppHeader, EmailAppRows);
        File.WriteAllText(Path.Combine(_dir.Path, "skus.json"), Skus(paidUnits));
    }

    [Fact]
    public void Paid_units_basis_divides_the_users_active_in_the_28_days_by_the_enabled_units()
    {
        WriteTenant(paidUnits: 20);
        var teams = Measure(UsageBasis.PaidUnits, M365Service.Teams).Single().Value!;
        Assert.Equal(new DateTime(2024, 3, 31), teams.AsOf);
        Assert.Equal(28, teams.WindowDays);
        Assert.Equal(2, teams.ActiveUsers);      // ana, ben
        Assert.Equal(20, teams.Denominator);     // prepaidUnits.enabled of the SKU with TEAMS1
        Assert.Equal(10.0, teams.ActiveUsagePercent);
        Assert.True(teams.MeetsTarget);          // 10.0 >= 10
        Assert.Equal(5.0, teams.ChangeSinceBaseline);
        Assert.Equal(UsageBasis.PaidUnits, teams.Basis);
        Assert.Equal(Guid.Parse("dcd219dd-bc68-4b9b-bf0b-4a33a796be35"), teams.TenantId);
        Assert.False(teams.ConcealedNames);
        Assert.Equal("getTeamsUserActivityUserDetail", teams.Report);
    }

    [Fact]
    public void Licensed_users_basis_divides_by_the_users_the_report_says_are_licensed()
    {
        WriteTenant();
        var teams = Measure(UsageBasis.LicensedUsers, M365Service.Teams).Single().Value!;
        Assert.Equal(3, teams.Denominator);      // ana, ben, cy (dee is not licensed, eve is deleted)
        Assert.Equal(66.7, teams.ActiveUsagePercent);
        Assert.Equal(UsageBasis.LicensedUsers, teams.Basis);
    }

    [Fact]
    public void Outlook_mobile_counts_phone_users_active_in_the_window_over_exchange_units()
    {
        WriteTenant(paidUnits: 8);
        var mobile = Measure(UsageBasis.PaidUnits, M365Service.OutlookMobile).Single().Value!;
        Assert.Equal(1, mobile.ActiveUsers);     // ana only: ben has no phone, cy is out of the window
        Assert.Equal(8, mobile.Denominator);     // EXCHANGE_S_ENTERPRISE units
        Assert.Equal(12.5, mobile.ActiveUsagePercent);
    }

    [Fact]
    public void A_service_without_its_report_fails_alone_and_says_which_reports_would_do()
    {
        WriteTenant();
        var results = Measure(UsageBasis.PaidUnits, M365Service.Teams, M365Service.Yammer);
        Assert.True(results[0].Succeeded);
        Assert.Equal("ReportMissing", results[1].Error!.ErrorId);
        Assert.Contains("getYammerActivityUserDetail", results[1].Error!.Message);
    }

    [Fact]
    public void Paid_units_without_subscribed_skus_says_how_to_get_them()
    {
        Write("teams.csv", TeamsHeader, TeamsRows);
        var result = Measure(UsageBasis.PaidUnits, M365Service.Teams).Single();
        Assert.Equal("DenominatorMissing", result.Error!.ErrorId);
        Assert.Contains("-Basis LicensedUsers", result.Error.Message);
    }

    [Fact]
    public void A_missing_required_column_names_the_file_and_the_column()
    {
        Write("teams.csv", TeamsHeader.Replace("Last Activity Date,", ""), TeamsRows.Select(r => r));
        var error = Assert.Throws<FtException>(() => Measure(UsageBasis.LicensedUsers, M365Service.Teams)).Error;
        Assert.Equal("ReportColumnMissing", error.ErrorId);
        Assert.Contains("teams.csv", error.Message);
        Assert.Contains("Last Activity Date", error.Message);
    }

    [Fact]
    public void A_malformed_row_names_the_file_and_line()
    {
        Write("teams.csv", TeamsHeader, new[] { TeamsRows[0], "2024-03-31,,x@contoso.com,31/03/2024,False,,,0,0,0,0,No,PT0S,Yes,28" });
        var error = Assert.Throws<FtException>(() => Measure(UsageBasis.LicensedUsers, M365Service.Teams)).Error;
        Assert.Equal("ReportDateInvalid", error.ErrorId); // ReportRowMalformed before issue 15
        Assert.Contains("Line 3", error.Message);
        Assert.Contains("teams.csv", error.Message);
        Assert.Contains("31/03/2024", error.Message);
    }

    [Fact]
    public void A_row_with_too_few_fields_is_malformed_not_misread()
    {
        Write("teams.csv", TeamsHeader, new[] { TeamsRows[0], "2024-03-31,,x@contoso.com,2024-03-30" });
        var error = Assert.Throws<FtException>(() => Measure(UsageBasis.LicensedUsers, M365Service.Teams)).Error;
        Assert.Equal("ReportRowMalformed", error.ErrorId);
        Assert.Contains("Line 3", error.Message);
    }

    [Fact]
    public void Reports_of_different_refresh_dates_in_one_folder_are_refused()
    {
        Write("teams.csv", TeamsHeader, TeamsRows);
        Write("apps.csv", EmailAppHeader, EmailAppRows.Select(r => r.Replace("2024-03-31,", "2024-03-30,")));
        var error = Assert.Throws<FtException>(() => new FolderUsageSource(_dir.Path)).Error;
        Assert.Equal("ReportsMixed", error.ErrorId);
        Assert.Contains("2024-03-30", error.Message);
        Assert.Contains("2024-03-31", error.Message);
    }

    [Fact]
    public void Subscriptions_of_two_tenants_in_one_folder_are_refused()
    {
        // The documentation's own subscribedSkus example lists two accountIds.
        File.Copy(TestData.Path("graph", "subscribedSkus.list.json"), Path.Combine(_dir.Path, "subscribedSkus.json"));
        var error = Assert.Throws<FtException>(() => new FolderUsageSource(_dir.Path)).Error;
        Assert.Equal("ReportsMixed", error.ErrorId);
        Assert.Contains("2 tenants", error.Message);
    }

    [Fact]
    public void Two_exports_of_the_same_report_in_one_folder_are_refused()
    {
        Write("teams-a.csv", TeamsHeader, TeamsRows);
        Write("teams-b.csv", TeamsHeader, TeamsRows);
        var error = Assert.Throws<FtException>(() => new FolderUsageSource(_dir.Path)).Error;
        Assert.Equal("ReportsMixed", error.ErrorId);
        Assert.Contains("teams-a.csv", error.Message);
    }

    [Fact]
    public void An_empty_report_is_an_error_not_zero_percent()
    {
        // Issue 15: a header-only report measured 0% "as of today", and -Save stored it.
        Write("teams.csv", TeamsHeader, Array.Empty<string>());
        Write("apps.csv", EmailAppHeader, EmailAppRows);
        File.WriteAllText(Path.Combine(_dir.Path, "skus.json"), Skus(20));
        var teams = Measure(UsageBasis.PaidUnits, M365Service.Teams).Single();
        Assert.Equal("ReportEmpty", teams.Error!.ErrorId);
        Assert.Contains("teams.csv", teams.Error.Message);
    }

    [Fact]
    public void Concealed_names_keep_the_counts_and_raise_the_flag()
    {
        Write("teams.csv", TeamsHeader, TeamsRows.Select((r, i) => r.Replace(r.Split(',')[2], i % 2 == 0 ? "6E55A185B405B6F2A6804BB7897C8AAB" : "(Unknown)")));
        var teams = Measure(UsageBasis.LicensedUsers, M365Service.Teams).Single().Value!;
        Assert.Equal(2, teams.ActiveUsers);
        Assert.Equal(3, teams.Denominator);
        Assert.True(teams.ConcealedNames);
    }

    [Fact]
    public void Progress_reports_bytes_read_up_to_the_file_length()
    {
        Write("teams.csv", TeamsHeader, TeamsRows);
        var reports = new List<UsageProgress>();
        new ActiveUsageCalculator().Measure(new FolderUsageSource(_dir.Path), new[] { M365Service.Teams },
            _ => new UsageGoal(10, null, UsageBasis.LicensedUsers), progress: new SynchronousProgress(reports.Add));
        var last = reports.Last();
        Assert.Equal(new FileInfo(Path.Combine(_dir.Path, "teams.csv")).Length, last.TotalBytes);
        Assert.Equal(100, last.Percent);
    }

    private sealed class SynchronousProgress(Action<UsageProgress> report) : IProgress<UsageProgress>
    {
        public void Report(UsageProgress value) => report(value);
    }
}
