using System.Text;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Sample;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Tests.Usage;

/// <summary>Issue 20: Microsoft 365 Copilot measured like the other services, from Graph's
/// getMicrosoft365CopilotUsageUserDetail (JSON pages, the documented example in TestData/graph) or the admin
/// center's CSV export: users active with Copilot in the 28 days ending at the refresh date ÷ Copilot licences,
/// with each app's active users.</summary>
public sealed class CopilotReportTests : IDisposable
{
    private static readonly DateTime LastDay = new(2026, 11, 22);
    private static readonly ReportDefinition Copilot = ReportDefinition.For(ReportKind.Microsoft365CopilotUsageUserDetail);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ReportScan Scan(string json)
    {
        using var rows = new JsonReportRows(new MemoryStream(Encoding.UTF8.GetBytes(json)), "copilot.json", Copilot);
        return ReportScanner.Scan(rows, Copilot);
    }

    private static string User(string upn, string refresh, string? last, string? teams = null, string? word = null, string? chat = null, bool nulls = false)
    {
        string V(string? date) => date is null ? (nulls ? "null" : "\"\"") : $"\"{date}\"";
        return $"{{\"reportRefreshDate\":\"{refresh}\",\"userPrincipalName\":\"{upn}\",\"displayName\":\"{upn}\",\"lastActivityDate\":{V(last)}," +
               $"\"copilotChatLastActivityDate\":{V(chat)},\"microsoftTeamsCopilotLastActivityDate\":{V(teams)},\"wordCopilotLastActivityDate\":{V(word)}," +
               $"\"excelCopilotLastActivityDate\":{V(null)},\"powerPointCopilotLastActivityDate\":{V(null)},\"outlookCopilotLastActivityDate\":{V(null)}," +
               $"\"oneNoteCopilotLastActivityDate\":{V(null)},\"loopCopilotLastActivityDate\":{V(null)},\"copilotActivityUserDetailsByPeriod\":[{{\"reportPeriod\":30}}]}}";
    }

    private static string Page(string? next, params string[] users) =>
        "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata\"," + (next is null ? "" : $"\"@odata.nextLink\":\"{next}\",") +
        "\"value\":[" + string.Join(",", users) + "]}";

    [Fact]
    public void The_documented_example_is_read_by_its_property_names_with_each_apps_activity()
    {
        var scan = Scan(File.ReadAllText(TestData.Path("graph", "getMicrosoft365CopilotUsageUserDetail.v1.0.json")));
        Assert.Equal(new DateTime(2025, 8, 20), scan.RefreshDate);
        Assert.Equal(1, scan.Rows);
        Assert.Equal(1, scan.Tallies[M365Service.Microsoft365Copilot].Active);
        Assert.Equal(1, scan.Tallies[M365Service.Microsoft365Copilot].Licensed);
        Assert.True(scan.ConcealedNames);                                 // the example's names are concealed
        // Window 2025-07-24..2025-08-20: Teams (08-20), Copilot Chat (08-16) and Word (08-06) in it, PowerPoint (03-26) not.
        Assert.Equal(new[] { "Teams", "Word", "Excel", "PowerPoint", "Outlook", "OneNote", "Loop", "Copilot Chat" }, scan.AppActive.Keys);
        Assert.Equal(1, scan.AppActive["Teams"]);
        Assert.Equal(1, scan.AppActive["Copilot Chat"]);
        Assert.Equal(1, scan.AppActive["Word"]);
        Assert.Equal(0, scan.AppActive["PowerPoint"]);
        Assert.Equal(0, scan.AppActive["Excel"]);
    }

    [Fact]
    public void Active_means_any_Copilot_activity_in_the_28_days_ending_at_the_refresh_date_null_or_empty_dates_are_never()
    {
        var json = Page(null,
            User("a@contoso.com", "2026-11-22", "2026-11-22", teams: "2026-11-22"),
            User("b@contoso.com", "2026-11-22", "2026-10-26", chat: "2026-10-26", nulls: true),   // the window's first day
            User("c@contoso.com", "2026-11-22", "2026-10-25", word: "2026-10-25"),                // the day before it
            User("d@contoso.com", "2026-11-22", null, nulls: true),                               // licensed, never used it
            User("e@contoso.com", "2026-11-22", "2026-10-01", word: "2026-11-20"));               // an app's date newer than the report's
        var scan = Scan(json);
        Assert.Equal(5, scan.Tallies[M365Service.Microsoft365Copilot].Licensed);
        Assert.Equal(3, scan.Tallies[M365Service.Microsoft365Copilot].Active);
        Assert.Equal(1, scan.AppActive["Teams"]);
        Assert.Equal(1, scan.AppActive["Copilot Chat"]);
        Assert.Equal(1, scan.AppActive["Word"]);
    }

    [Fact]
    public void Pages_one_after_another_are_one_report_and_the_next_link_may_come_before_or_after_the_users()
    {
        var first = Page("https://graph.microsoft.com/v1.0/copilot/reports/x?$skiptoken=2", User("a@contoso.com", "2026-11-22", "2026-11-20", teams: "2026-11-20"));
        var second = "{\"value\":[" + User("b@contoso.com", "2026-11-22", "2026-11-21", chat: "2026-11-21") + "],\"@odata.nextLink\":\"https://graph.microsoft.com/next\"}";
        var third = Page(null, User("c@contoso.com", "2026-11-22", null));
        var scan = Scan(first + "\n" + second + "\r\n" + third);
        Assert.Equal(3, scan.Rows);
        Assert.Equal(2, scan.Tallies[M365Service.Microsoft365Copilot].Active);
    }

    [Fact]
    public void A_last_page_that_says_more_follow_is_refused_users_would_be_missing()
    {
        var first = Page("https://graph.microsoft.com/next", User("a@contoso.com", "2026-11-22", "2026-11-20"));
        var error = Assert.Throws<FtException>(() => Scan(first)).Error;
        Assert.Equal("ReportPagesMissing", error.ErrorId);
        Assert.Contains("page 1", error.Message);
    }

    [Theory]
    [InlineData("{\"value\":[{\"reportRefreshDate\":\"2026-11-22\",\"userPrincipalName\":\"a@contoso.com\"", "cut off")]           // a download cut off
    [InlineData("{\"value\":[{\"reportRefreshDate\":\"2026-11-22\" \"userPrincipalName\":\"a\"}]}", "not valid JSON")]           // a comma missing
    [InlineData("{\"@odata.context\":\"x\"}", "without a 'value' array")]
    [InlineData("{\"value\":{\"reportRefreshDate\":\"2026-11-22\"}}", "not an array of users")]
    [InlineData("{\"value\":[\"a@contoso.com\"]}", "where a user (an object) belongs")]
    [InlineData("[{\"reportRefreshDate\":\"2026-11-22\"}]", "where a page")]
    public void Json_that_is_not_a_report_page_is_refused_by_name_saying_where(string json, string problem)
    {
        var error = Assert.Throws<FtException>(() => Scan(json)).Error;
        Assert.Equal("ReportJsonInvalid", error.ErrorId);
        Assert.Contains(problem, error.Message);
        Assert.Contains("copilot.json", error.Message);
    }

    [Fact]
    public void A_user_listed_twice_across_pages_is_refused_naming_the_user_and_both_places()
    {
        var json = Page("next", User("a@contoso.com", "2026-11-22", "2026-11-20")) + Page(null, User("b@contoso.com", "2026-11-22", null), User("A@contoso.com", "2026-11-22", null));
        var error = Assert.Throws<FtException>(() => Scan(json)).Error;
        Assert.Equal("ReportUserDuplicated", error.ErrorId);
        Assert.Contains("'A@contoso.com'", error.Message);
        Assert.Contains("user 1 of page 1", error.Message);
        Assert.Contains("user 2 of page 2", error.Message);
    }

    [Fact]
    public void The_admin_centers_CSV_export_is_read_by_its_documented_headers_in_a_folder()
    {
        var header = File.ReadLines(TestData.Path("graph", "getMicrosoft365CopilotUsageUserDetail.beta.csv")).First();
        File.WriteAllText(Path.Combine(_dir.Path, "Copilot usage 2026-11-22.csv"), header + "\r\n" +
            "2026-11-22,30,a@contoso.com,A,2026-11-21,2026-11-21,,,,,,,2026-11-02\r\n" +
            "2026-11-22,30,b@contoso.com,B,2026-09-01,,2026-09-01,,,,,,\r\n", new UTF8Encoding(true));
        var source = new FolderUsageSource(_dir.Path);
        Assert.Contains(ReportKind.Microsoft365CopilotUsageUserDetail, source.Reports);
        var usage = new ActiveUsageCalculator().Measure(source, new[] { M365Service.Microsoft365Copilot }, _ => new UsageGoal(10, null, UsageBasis.LicensedUsers)).Single().Value!;
        Assert.Equal(1, usage.ActiveUsers);
        Assert.Equal(2, usage.Denominator);
        Assert.Equal(50.0, usage.ActiveUsagePercent);
        Assert.Equal("getMicrosoft365CopilotUsageUserDetail", usage.Report);
        Assert.Equal("Teams 1 (50.0%), Word 0 (0.0%), Excel 0 (0.0%), PowerPoint 0 (0.0%), Outlook 0 (0.0%), OneNote 0 (0.0%), Loop 0 (0.0%), Copilot Chat 1 (50.0%)",
            usage.Apps.ToString());
    }

    [Fact]
    public void Graphs_JSON_saved_in_a_folder_is_recognised_by_its_property_names()
    {
        File.Copy(TestData.Path("graph", "getMicrosoft365CopilotUsageUserDetail.v1.0.json"), Path.Combine(_dir.Path, "copilot.json"));
        var source = new FolderUsageSource(_dir.Path);
        Assert.Equal(new[] { ReportKind.Microsoft365CopilotUsageUserDetail }, source.Reports);
        Assert.Equal(new DateTime(2025, 8, 20), source.RefreshDate);
        Assert.DoesNotContain(source.Skipped, s => s.Path.EndsWith("copilot.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Contosos_300_Copilot_licences_climb_from_a_few_users_to_nearly_half_with_Teams_and_Chat_ahead()
    {
        var tenant = new SampleTenant(new SampleTenantOptions { LastDay = LastDay });
        var calculator = new ActiveUsageCalculator();
        ActiveUsage Measure(DateTime day, UsageBasis basis = UsageBasis.PaidUnits) => calculator.Measure(new SampleUsageSource(tenant),
            new[] { M365Service.Microsoft365Copilot }, _ => new UsageGoal(10, null, basis), day).Single().Value!;
        var start = Measure(tenant.Options.FirstDay);
        var end = Measure(LastDay);
        Assert.Equal(300, end.Denominator);                                        // the Microsoft_365_Copilot SKU's units
        Assert.Equal(300, Measure(LastDay, UsageBasis.LicensedUsers).Denominator);  // the users the report lists
        Assert.True(start.ActiveUsagePercent < 10, $"Copilot starts at {start}");
        Assert.InRange(end.ActiveUsagePercent!.Value, 35, 60);
        Assert.Equal(8, end.Apps.Count);
        var apps = end.Apps.ToDictionary(a => a.App, a => a.ActiveUsers);
        Assert.True(apps["Teams"] > apps["Excel"] && apps["Copilot Chat"] > apps["Loop"], end.Apps.ToString());
        Assert.All(end.Apps, a => Assert.InRange(a.ActiveUsers, 0, end.ActiveUsers));
        Assert.True(end.Apps.Sum(a => a.ActiveUsers) >= end.ActiveUsers);          // each active user used at least one app
        Assert.Equal(end.ActiveUsers, Measure(LastDay).ActiveUsers);               // deterministic
    }

    [Fact]
    public void The_sample_serves_the_report_as_Graph_does_in_pages_of_a_hundred_users()
    {
        var tenant = new SampleTenant(new SampleTenantOptions { LastDay = LastDay });
        var pages = tenant.CopilotPages(LastDay, n => $"https://graph.test/next?page={n}").ToList();
        Assert.Equal(3, pages.Count);
        Assert.Contains("\"@odata.nextLink\":\"https://graph.test/next?page=2\"", pages[0]);
        Assert.Contains("\"@odata.nextLink\":\"https://graph.test/next?page=3\"", pages[1]);
        Assert.DoesNotContain("@odata.nextLink", pages[2]);
        Assert.All(Copilot.JsonFields.Where(f => f.Header != "Report Period"), f => Assert.Contains($"\"{f.JsonName}\":", pages[0]));
    }
}
