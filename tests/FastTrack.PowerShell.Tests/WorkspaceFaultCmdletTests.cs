namespace FastTrack.PowerShell.Tests;

/// <summary>Issue 15 in the real engine: a workspace that is not there (a typo, a share not mounted) or cannot be
/// one, an export folder that does not exist, and a nightly run without a data source each say so by name.</summary>
public sealed class WorkspaceFaultCmdletTests : IClassFixture<ModuleSession>, IDisposable
{
    private const string Contoso = "6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11";
    private readonly ModuleSession _session;
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));

    public WorkspaceFaultCmdletTests(ModuleSession session)
    {
        _session = session;
        Directory.CreateDirectory(_scratch);
    }

    public void Dispose()
    {
        try { Directory.Delete(_scratch, true); } catch (IOException) { }
    }

    private ScriptResult Run(string script, params object[] args) => _session.Run(script, args);

    [Fact]
    public void Reading_or_exporting_a_workspace_that_is_not_there_is_an_error_and_writes_nothing()
    {
        var typo = Path.Combine(_scratch, "workpsace");
        var listed = Run("Get-FtCustomerPlan -Workspace $args[0]", typo);
        Assert.Empty(listed.Output);
        Assert.Equal("WorkspaceNotFound,FastTrack.PowerShell.Plans.GetFtCustomerPlanCommand", Assert.Single(listed.Errors).FullyQualifiedErrorId);

        // Yesterday's portfolio stays: no empty page is written over it.
        var report = Path.Combine(_scratch, "portfolio.html");
        File.WriteAllText(report, "yesterday");
        var export = Run("Export-FtAdoptionReport -Path $args[1] -Force -Workspace $args[0]", typo, report);
        Assert.Contains(export.Errors, e => e.FullyQualifiedErrorId.StartsWith("WorkspaceNotFound,"));
        Assert.Contains(export.Errors, e => e.FullyQualifiedErrorId.StartsWith("NoPlanToReport,"));
        Assert.Equal("yesterday", File.ReadAllText(report));

        var nightly = Run("Invoke-FtSuccessExecution -Workspace $args[0]", typo);
        Assert.Equal("WorkspaceNotFound", Assert.Single(nightly.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.False(Directory.Exists(typo));
    }

    [Theory]
    [InlineData("nul")]
    [InlineData("long")]
    [InlineData("file")]
    public void A_path_that_cannot_be_a_workspace_is_WorkspaceInvalid_not_a_NET_exception(string kind)
    {
        var file = Path.Combine(_scratch, "a-file");
        File.WriteAllText(file, "");
        var root = kind switch { "nul" => "bad\0name", "long" => Path.Combine(_scratch, new string('w', 5000)), _ => file };
        var result = Run($"New-FtCustomerPlan -TenantId {Contoso} -Customer Contoso -Workspace $args[0]", root);
        var error = Assert.Single(result.Errors);
        Assert.Equal("WorkspaceInvalid,FastTrack.PowerShell.Plans.NewFtCustomerPlanCommand", error.FullyQualifiedErrorId);
        Assert.Equal("InvalidArgument", error.CategoryInfo.Category.ToString());
    }

    [Fact]
    public void An_export_into_a_folder_that_does_not_exist_names_the_folder()
    {
        var workspace = Path.Combine(_scratch, "ws");
        Run($"New-FtCustomerPlan -TenantId {Contoso} -Customer Contoso -Workspace $args[0] | Out-Null", workspace).AssertNoErrors();
        var missing = Path.Combine(_scratch, "no-such-folder");
        var error = Assert.Single(Run("Export-FtAdoptionReport -Path $args[1] -Workspace $args[0]", workspace, Path.Combine(missing, "r.html")).Errors);
        Assert.Equal("FolderNotFound,FastTrack.PowerShell.Reports.ExportFtAdoptionReportCommand", error.FullyQualifiedErrorId);
        Assert.Contains($"'{missing}' does not exist", error.Exception.Message);
        Assert.DoesNotContain(".tmp-", error.Exception.Message);
    }

    [Fact]
    public void A_nightly_run_without_a_data_source_warns_and_its_record_says_so()
    {
        var workspace = Path.Combine(_scratch, "ws");
        Run($"New-FtCustomerPlan -TenantId {Contoso} -Customer Contoso -IntendedService Teams -Workspace $args[0] | Out-Null", workspace).AssertNoErrors();
        var run = Run("Invoke-FtSuccessExecution -Workspace $args[0]", workspace);
        run.AssertNoErrors();
        var warning = Assert.Single(run.Warnings);
        Assert.Contains("Contoso was not measured: no usage source", warning);
        Assert.Contains("no saved AU either", warning);
        Assert.Equal(warning, run.Single().Str("NotMeasured"));
        Assert.Equal(warning, Run($"(Get-FtCustomerPlan -TenantId {Contoso} -Workspace $args[0]).LastRun.NotMeasured", workspace).Single().ToString());
    }
}
