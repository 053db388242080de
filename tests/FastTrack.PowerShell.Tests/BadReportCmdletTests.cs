using System.Text;

namespace FastTrack.PowerShell.Tests;

/// <summary>Measure-FtActiveUsage in the real engine on reports it must not measure (issue 15): each is an
/// error with a stable id naming the file and line, or a warning naming a file passed over; nothing is saved.</summary>
public sealed class BadReportCmdletTests : IClassFixture<ModuleSession>, IDisposable
{
    private const string Tenant = "6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11";
    private const string Teams = "Report Refresh Date,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Is Licensed,Report Period";
    private const string Yammer = "Report Refresh Date,User Principal Name,Display Name,User State,State Change Date,Last Activity Date,Posted Count,Read Count,Liked Count,Assigned Products,Report Period";
    private readonly ModuleSession _session;
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));
    private readonly string _reports = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));

    public BadReportCmdletTests(ModuleSession session)
    {
        _session = session;
        Directory.CreateDirectory(_reports);
        Run($"New-FtCustomerPlan -TenantId {Tenant} -Customer Fabrikam -IntendedService Teams, Yammer -Workspace $args[0] | Out-Null").AssertNoErrors();
    }

    public void Dispose()
    {
        foreach (var dir in new[] { _workspace, _reports })
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    private ScriptResult Run(string script) => _session.Run(script, _workspace, _reports);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_reports, name);
        File.WriteAllText(path, text, new UTF8Encoding(true));
        return path;
    }

    private static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    private static string Id(string id) => $"{id},FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand";

    /// <summary>Issue 18: a report on disk is read by the engine's own reader, which refuses what it might read
    /// otherwise than Sylvan; fields quoted as Graph quotes them (a comma, an escaped quote, a line break) are read,
    /// and counted, not refused.</summary>
    [Fact]
    public void Fields_quoted_as_Graph_quotes_them_are_measured()
    {
        Write("yammer.csv", Lines(Yammer,
            "2024-03-31,ana@contoso.com,\"Smith, Ana\",,,2024-03-30,1,1,1,\"E3,\"\"PLUS\"\"\",28",
            "2024-03-31,ben@contoso.com,\"Ben \"\"B\"\" Jones\",,,2024-02-01,0,0,0,E3,28",
            "2024-03-31,cy@contoso.com,\"Cy\r\non two lines\",,,2024-03-29,1,0,0,E3,28"));
        var result = Run("Measure-FtActiveUsage -Path $args[1] -Service Yammer -Basis LicensedUsers");
        result.AssertNoErrors();
        Assert.Equal(2L, result.Single().Prop("ActiveUsers"));
        Assert.Equal(3L, result.Single().Prop("Denominator"));
    }

    [Fact]
    public void A_folder_without_a_report_is_an_error_listing_the_reports_read()
    {
        var error = Assert.Single(Run("Measure-FtActiveUsage -Path $args[1]").Errors);
        Assert.Equal(Id("ReportsNotFound"), error.FullyQualifiedErrorId);
        Assert.Equal("ObjectNotFound", error.CategoryInfo.Category.ToString());
        Assert.Contains("Microsoft Teams user activity (getTeamsUserActivityUserDetail)", error.Exception.Message);
    }

    [Fact]
    public void A_header_only_report_is_an_error_and_nothing_is_saved()
    {
        Write("teams.csv", Lines(Teams));
        Write("yammer.csv", Lines(Yammer, "2024-03-31,ana@contoso.com,Ana,,,2024-03-30,1,1,1,E3,28"));
        var plan = Path.Combine(_workspace, "plans", Tenant + ".json");
        var before = File.ReadAllBytes(plan);
        var result = Run($"Measure-FtActiveUsage -TenantId {Tenant} -Path $args[1] -Basis LicensedUsers -Save -Workspace $args[0]");
        Assert.Equal("Yammer", Assert.Single(result.Output).Str("Service"));
        Assert.Equal(new[] { "ReportEmpty", "SnapshotIncomplete" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Contains("teams.csv", result.Errors[0].Exception.Message);
        Assert.Equal(before, File.ReadAllBytes(plan));
    }

    [Fact]
    public void A_user_listed_twice_is_an_error_naming_both_lines()
    {
        Write("teams.csv", Lines(Teams, "2024-03-31,,ana@contoso.com,2024-03-30,False,,E3,1,0,Yes,28", "2024-03-31,,ana@contoso.com,2024-03-30,False,,E3,1,0,Yes,28"));
        var error = Assert.Single(Run("Measure-FtActiveUsage -Path $args[1] -Basis LicensedUsers").Errors);
        Assert.Equal(Id("ReportUserDuplicated"), error.FullyQualifiedErrorId);
        Assert.Contains("on line 2 and line 3", error.Exception.Message);
    }

    [Fact]
    public void Rows_of_a_cut_off_report_piped_in_are_an_error_naming_the_row()
    {
        // As Import-Csv gives a file whose last line was cut after "Fal": $null for the fields it lacks. The row was
        // counted. (The hosted engine has no Import-Csv; Pester runs the real one.)
        var error = Assert.Single(_session.Run("""
            param($header)
            $cut = @('2024-03-31', '', 'ben@contoso.com', '2024-03-30', 'Fal')
            $full = @('2024-03-31', '', 'ana@contoso.com', '2024-03-30', 'False', '', 'E3', '1', '0', 'Yes', '28')
            & {
                foreach ($values in @(, $full) + @(, $cut)) {
                    $row = [ordered]@{}
                    for ($i = 0; $i -lt $header.Count; $i++) { $row[$header[$i]] = if ($i -lt $values.Count) { $values[$i] } else { $null } }
                    [pscustomobject]$row
                }
            } | Measure-FtActiveUsage
            """, (object)Teams.Split(',')).Errors);
        Assert.Equal(Id("ReportRowMalformed"), error.FullyQualifiedErrorId);
        Assert.Contains("Row 2 of the report rows piped in has 5 fields where the header has 11", error.Exception.Message);
    }

    [Fact]
    public void Files_passed_over_are_a_warning_when_they_may_be_a_report_and_verbose_otherwise()
    {
        Write("teams.csv", Lines(Teams, "2024-03-31,,ana@contoso.com,2024-03-30,False,,E3,1,0,Yes,28"));
        File.WriteAllBytes(Path.Combine(_reports, "export.csv"), new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 });
        Write("counts.csv", Lines("Report Refresh Date,Office 365,Exchange", "2024-03-31,1,1"));
        var result = Run("Measure-FtActiveUsage -Path $args[1] -Basis LicensedUsers -Service Teams -Verbose");
        result.AssertNoErrors();
        Assert.Equal(1L, result.Single().Prop("ActiveUsers"));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("export.csv", warning);
        Assert.Contains("not text", warning);
        Assert.Contains(result.Verbose, v => v.Contains("counts.csv") && v.Contains("not a user-detail report"));
    }
}
