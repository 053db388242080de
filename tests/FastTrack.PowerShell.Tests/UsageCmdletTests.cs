using System.Text;

namespace FastTrack.PowerShell.Tests;

/// <summary>Measure-FtActiveUsage and Get-FtActiveUsageHistory in the real engine, on the sample tenant,
/// on report folders written to disk and on report rows built in the pipeline.</summary>
public sealed class UsageCmdletTests : IClassFixture<ModuleSession>, IDisposable
{
    private const string SampleTenant = "7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b";
    private const string OtherTenant = "6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11";
    // The sample tenant's newest report is two days old, wherever the tests run.
    private static readonly DateTime SampleLastDay = DateTime.UtcNow.Date.AddDays(-2);
    private readonly ModuleSession _session;
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));
    private readonly string _reports = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));

    private const string TeamsHeader = "Report Refresh Date,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Is Licensed,Report Period";

    public UsageCmdletTests(ModuleSession session)
    {
        _session = session;
        Directory.CreateDirectory(_reports);
        Run($"New-FtCustomerPlan -TenantId {SampleTenant} -Customer 'Contoso Sample' -IntendedService Teams, Yammer -Workspace $args[0] | Out-Null").AssertNoErrors();
        Run($"New-FtCustomerPlan -TenantId {OtherTenant} -Customer Fabrikam -IntendedService Teams -Workspace $args[0] | Out-Null").AssertNoErrors();
    }

    public void Dispose()
    {
        foreach (var dir in new[] { _workspace, _reports })
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private ScriptResult Run(string script, params object[] more) => _session.Run(script, new object[] { _workspace, _reports }.Concat(more).ToArray());

    private string PlanFile(string tenant) => Path.Combine(_workspace, "plans", tenant + ".json");

    private void WriteTeams(string name, params string[] rows) =>
        File.WriteAllText(Path.Combine(_reports, name), string.Join("\r\n", new[] { TeamsHeader }.Concat(rows)) + "\r\n", new UTF8Encoding(true));

    // Issue 20: Microsoft 365 Copilot measured like the others, the table within 80 columns (its apps in Format-List: tests/Pester/ActiveUsage.Tests.ps1).
    [Fact]
    public void Microsoft_365_Copilot_is_measured_against_its_licences_with_each_apps_active_users()
    {
        var copilot = Run("Measure-FtActiveUsage -Sample -Service Copilot").Single();
        Assert.Equal("Microsoft365Copilot", copilot.Str("Service"));
        Assert.Equal(300L, copilot.Prop("Denominator"));
        Assert.Equal("getMicrosoft365CopilotUsageUserDetail", copilot.Str("Report"));
        Assert.Equal(10.0, copilot.Prop("TargetPercent"));
        var apps = ((System.Collections.IEnumerable)copilot.Prop("Apps")!).Cast<object>().Select(a => System.Management.Automation.PSObject.AsPSObject(a)).ToList();
        Assert.Equal(new[] { "Teams", "Word", "Excel", "PowerPoint", "Outlook", "OneNote", "Loop", "Copilot Chat" }, apps.Select(a => a.Str("App")));
        Assert.All(apps, a => Assert.InRange((long)a.Prop("ActiveUsers")!, 0L, (long)copilot.Prop("ActiveUsers")!));

        var table = _session.Display("Measure-FtActiveUsage -Sample -Service Teams, Microsoft365Copilot");
        Assert.Contains("Microsoft365Copilot ", table);
        Assert.All(table.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, line));
        Assert.DoesNotContain("Apps", table);
    }

    [Fact]
    public void The_sample_tenant_is_measured_offline_for_every_service()
    {
        var results = Run("Measure-FtActiveUsage -Sample");
        results.AssertNoErrors();
        Assert.Equal(8, results.Output.Count);
        var teams = Assert.Single(results.Output, r => r.Str("Service") == "Teams");
        Assert.Equal("Contoso", teams.Str("Customer"));
        Assert.Equal(SampleTenant, teams.Str("TenantId"));
        Assert.Equal(SampleLastDay, teams.Prop("AsOf"));
        Assert.Equal(28, teams.Prop("WindowDays"));
        Assert.Equal("PaidUnits", teams.Str("Basis"));
        Assert.True((double)teams.Prop("ActiveUsagePercent")! > 20);
        Assert.Equal(true, teams.Prop("MeetsTarget"));
        var yammer = Assert.Single(results.Output, r => r.Str("Service") == "Yammer");
        Assert.Equal(false, yammer.Prop("MeetsTarget"));
        Assert.Empty(results.Warnings);
        Assert.Contains(results.Progress, p => p.StatusDescription.Contains("getTeamsUserActivityUserDetail") && p.StatusDescription.Contains("MB"));
    }

    [Fact]
    public void Plans_piped_in_give_their_intended_services_and_the_sample_tenants_plan_needs_no_source()
    {
        var results = Run("Get-FtCustomerPlan -Customer 'Contoso Sample' -Workspace $args[0] | Measure-FtActiveUsage -Basis LicensedUsers -Workspace $args[0]");
        results.AssertNoErrors();
        Assert.Equal(new[] { "Teams", "Yammer" }, results.Output.Select(r => r.Str("Service")));
        Assert.All(results.Output, r => Assert.Equal("Contoso Sample", r.Str("Customer")));
        Assert.All(results.Output, r => Assert.Equal("LicensedUsers", r.Str("Basis")));
        Assert.All(results.Output, r => Assert.Equal(3000L, r.Prop("Denominator")));
    }

    [Fact]
    public void A_plan_without_a_source_is_told_where_data_can_come_from()
    {
        var error = Assert.Single(Run($"Measure-FtActiveUsage -TenantId {OtherTenant} -Workspace $args[0]").Errors);
        Assert.Equal("UsageSourceMissing,FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("-Path", error.Exception.Message);
        Assert.Contains("-Sample", error.Exception.Message);
    }

    [Fact]
    public void WhatIf_saves_nothing_and_Save_then_history_gives_the_trend_and_forecast()
    {
        var before = File.ReadAllBytes(PlanFile(SampleTenant));
        var whatIf = Run($"Measure-FtActiveUsage -TenantId {SampleTenant} -Save -WhatIf -Workspace $args[0]");
        whatIf.AssertNoErrors();
        Assert.Equal(2, whatIf.Output.Count);
        Assert.Equal(before, File.ReadAllBytes(PlanFile(SampleTenant)));

        // Four weekly measurements of the last month, as a scheduled job would save them.
        foreach (var weeksAgo in new[] { 3, 2, 1, 0 })
        {
            Run($"Get-FtCustomerPlan -TenantId {SampleTenant} -Workspace $args[0] | Measure-FtActiveUsage -AsOf $args[2] -Save -Workspace $args[0]",
                SampleLastDay.AddDays(-7 * weeksAgo)).AssertNoErrors();
        }
        var histories = Run($"Get-FtActiveUsageHistory -TenantId {SampleTenant} -Workspace $args[0]").Output;
        Assert.Equal(new[] { "Teams", "Yammer" }, histories.Select(h => h.Str("Service")));
        var teams = histories[0];
        Assert.Equal(4, ((System.Collections.ICollection)teams.Prop("Snapshots")!).Count);
        Assert.Equal("Reached", ((PSObjectForecast)teams).Status);
        var yammer = histories[1];
        Assert.Contains(((PSObjectForecast)yammer).Status, new[] { "NotAtCurrentPace", "OnTrack" });
        Assert.Equal(4, ((PSObjectForecast)yammer).PointsUsed);

        var snapshots = Run($"Get-FtActiveUsageHistory -TenantId {SampleTenant} -Service Teams -Snapshot -Workspace $args[0]").Output;
        Assert.Equal(Enumerable.Range(0, 4).Select(w => SampleLastDay.AddDays(-7 * (3 - w))), snapshots.Select(s => (DateTime)s.Prop("AsOf")!));
        Assert.All(snapshots, s => Assert.Equal("Contoso Sample", s.Str("Customer")));
        // The first measurement became the baseline, so the latest shows its change since then.
        Assert.True((double)snapshots[3].Prop("ChangeSinceBaseline")! > 0);
    }

    [Fact]
    public void Rows_built_in_the_pipeline_are_measured_on_the_licensed_users_basis()
    {
        var results = Run("""
            @(
              [pscustomobject]@{ 'Report Refresh Date' = '2024-03-31'; 'User Principal Name' = 'ana@contoso.com'; 'Last Activity Date' = '2024-03-30'; 'Is Deleted' = 'False'; 'Is Licensed' = 'Yes'; 'Team Chat Message Count' = '3'; 'Private Chat Message Count' = '0'; 'Call Count' = '0'; 'Meeting Count' = '1' }
              [pscustomobject]@{ 'Report Refresh Date' = '2024-03-31'; 'User Principal Name' = 'ben@contoso.com'; 'Last Activity Date' = '2024-02-01'; 'Is Deleted' = 'False'; 'Is Licensed' = 'Yes'; 'Team Chat Message Count' = '0'; 'Private Chat Message Count' = '0'; 'Call Count' = '0'; 'Meeting Count' = '0' }
            ) | Measure-FtActiveUsage
            """);
        var teams = results.Single();
        Assert.Equal("Teams", teams.Str("Service"));
        Assert.Equal(1L, teams.Prop("ActiveUsers"));
        Assert.Equal(2L, teams.Prop("Denominator"));
        Assert.Equal(50.0, teams.Prop("ActiveUsagePercent"));
        Assert.Equal(new DateTime(2024, 3, 31), teams.Prop("AsOf"));
    }

    [Fact]
    public void Objects_that_are_not_report_rows_are_refused_with_their_properties()
    {
        var error = Assert.Single(Run("[pscustomobject]@{ Name = 'x'; Size = 1 } | Measure-FtActiveUsage").Errors);
        Assert.Equal("ReportNotRecognised,FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Name, Size", error.Exception.Message);
    }

    [Fact]
    public void A_folder_of_another_tenant_is_refused_for_a_plan()
    {
        Run("Measure-FtActiveUsage -Sample -AsOf $args[2] -Service Teams | Out-Null", SampleLastDay).AssertNoErrors();
        WriteTeams("teams.csv", "2024-03-31,,ana@contoso.com,2024-03-30,False,,E3,1,0,Yes,28");
        File.WriteAllText(Path.Combine(_reports, "skus.json"),
            """{"value":[{"accountId":"dcd219dd-bc68-4b9b-bf0b-4a33a796be35","skuPartNumber":"SPE_E3","skuId":"05e9a617-0261-4cee-bb44-138d3ef5d965","capabilityStatus":"Enabled","prepaidUnits":{"enabled":10},"servicePlans":[{"servicePlanId":"57ff2da0-773e-42df-b2af-ffb7a2317929","servicePlanName":"TEAMS1","provisioningStatus":"Success"}]}]}""");
        var error = Assert.Single(Run($"Measure-FtActiveUsage -TenantId {OtherTenant} -Path $args[1] -Workspace $args[0]").Errors);
        Assert.Equal("SourceTenantMismatch,FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("dcd219dd-bc68-4b9b-bf0b-4a33a796be35", error.Exception.Message);
    }

    [Fact]
    public void Concealed_names_warn_once_and_keep_the_counts()
    {
        WriteTeams("teams.csv",
            "2024-03-31,,6E55A185B405B6F2A6804BB7897C8AAB,2024-03-30,False,,E3,1,0,Yes,28",
            "2024-03-31,,(Unknown),2024-03-01,False,,E3,0,0,Yes,28");
        var result = Run("Measure-FtActiveUsage -Path $args[1] -Basis LicensedUsers");
        var teams = result.Single();
        Assert.Equal(true, teams.Prop("ConcealedNames"));
        Assert.Equal(1L, teams.Prop("ActiveUsers"));
        Assert.Equal(2L, teams.Prop("Denominator"));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("conceal", warning);
        Assert.Contains("admin/reportSettings", warning);
    }

    [Fact]
    public void A_bad_report_is_an_error_naming_the_file_and_line_and_nothing_is_saved()
    {
        WriteTeams("teams.csv", "2024-03-31,,ana@contoso.com,2024-03-30,False,,E3,1,0,Yes,28", "2024-03-31,,ben@contoso.com,30/03/2024,False,,E3,1,0,Yes,28");
        var before = File.ReadAllBytes(PlanFile(OtherTenant));
        var error = Assert.Single(Run($"Measure-FtActiveUsage -TenantId {OtherTenant} -Path $args[1] -Basis LicensedUsers -Save -Workspace $args[0]").Errors);
        Assert.Equal("ReportDateInvalid,FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand", error.FullyQualifiedErrorId); // ReportRowMalformed before issue 15
        Assert.Equal("InvalidData", error.CategoryInfo.Category.ToString());
        Assert.Contains("Line 3", error.Exception.Message);
        Assert.Contains("teams.csv", error.Exception.Message);
        Assert.Equal(before, File.ReadAllBytes(PlanFile(OtherTenant)));
    }

    [Fact]
    public void A_service_that_cannot_be_measured_blocks_the_save_unless_partial_is_allowed()
    {
        Run($"Set-FtCustomerPlan -TenantId {OtherTenant} -Service Yammer -Intended $true -Workspace $args[0]").AssertNoErrors();
        WriteTeams("teams.csv", "2024-03-31,,ana@contoso.com,2024-03-30,False,,E3,1,0,Yes,28");
        var before = File.ReadAllBytes(PlanFile(OtherTenant));
        var refused = Run($"Measure-FtActiveUsage -TenantId {OtherTenant} -Path $args[1] -Basis LicensedUsers -Save -Workspace $args[0]");
        Assert.Equal("Teams", Assert.Single(refused.Output).Str("Service"));
        Assert.Equal(new[] { "ReportMissing", "SnapshotIncomplete" }, refused.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Equal(before, File.ReadAllBytes(PlanFile(OtherTenant)));

        Run($"Measure-FtActiveUsage -TenantId {OtherTenant} -Path $args[1] -Basis LicensedUsers -Save -AllowPartial -Workspace $args[0] -ErrorAction SilentlyContinue").Output.ToList();
        var saved = Run($"Get-FtActiveUsageHistory -TenantId {OtherTenant} -Basis LicensedUsers -Snapshot -Workspace $args[0]").Single();
        Assert.Equal("Teams", saved.Str("Service"));
        Assert.Equal(100.0, saved.Prop("ActiveUsagePercent"));
    }

    [Fact]
    public void Save_without_a_plan_says_how_to_name_one()
    {
        var error = Run("Measure-FtActiveUsage -Sample -Service Teams -Save").Errors.Last();
        Assert.Equal("PlanRequiredToSave,FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void Measurements_and_histories_display_as_tables()
    {
        var text = _session.Display("Measure-FtActiveUsage -Sample -Service Teams, Yammer");
        // Issue 17: the figure, its target and met or not before the basis; headers are property names (AU, Target, Met: types.ps1xml).
        Assert.Contains("Customer: Contoso", text);
        Assert.Matches(@"Service\s+AsOf\s+Active\s+Denominator\s+AU\s+Target\s+Met\s+Basis", text);
        Assert.Matches($@"Teams\s+{SampleLastDay:yyyy-MM-dd}\s+\d+\s+\d+\s+\d+\.\d\s+10\s+Yes\s+PaidUnits", text);
        Assert.Matches(@"Yammer\s+.*\s+No\s+PaidUnits", text);
    }
    // Issue 15: reports of contoso.com are refused for fabrikam.com's plan; -Force measures them anyway.
    [Fact]
    public void Reports_of_another_organisation_are_refused_unless_forced_and_nothing_is_saved()
    {
        Run($"Set-FtCustomerPlan -TenantId {OtherTenant} -PrimaryDomain fabrikam.com -Service Teams -Basis LicensedUsers -Workspace $args[0]").AssertNoErrors();
        WriteTeams("teams.csv", "2026-11-28,,ana@contoso.com,2026-11-27,False,,MICROSOFT 365 E3,3,0,Yes,28", "2026-11-28,,ben@contoso.com,2026-11-20,False,,MICROSOFT 365 E3,1,0,Yes,28");
        var refused = Run($"Measure-FtActiveUsage -TenantId {OtherTenant} -Path $args[1] -Save -Workspace $args[0]");
        Assert.Empty(refused.Output);
        var error = Assert.Single(refused.Errors);
        Assert.Equal("ReportsOfAnotherOrganisation,FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("contoso.com", error.Exception.Message);
        Assert.Empty(Run($"Get-FtActiveUsageHistory -TenantId {OtherTenant} -Workspace $args[0]").Output);

        Run($"Measure-FtActiveUsage -TenantId {OtherTenant} -Path $args[1] -Save -Force -Workspace $args[0]").AssertNoErrors();
        Assert.Contains("contoso.com", Run($"(Get-FtCustomerPlan -TenantId {OtherTenant} -Workspace $args[0]).ReportDomains").Output.Select(o => o.ToString()));
    }
}

/// <summary>Reads the Forecast of an ActiveUsageHistory output object.</summary>
internal readonly record struct PSObjectForecast(string Status, int PointsUsed)
{
    public static explicit operator PSObjectForecast(System.Management.Automation.PSObject history)
    {
        var forecast = System.Management.Automation.PSObject.AsPSObject(history.Prop("Forecast")!);
        return new PSObjectForecast(forecast.Str("Status")!, (int)forecast.Prop("PointsUsed")!);
    }

}
