namespace FastTrack.PowerShell.Tests;

/// <summary>Invoke-FtSuccessExecution as a scheduled job runs it: every plan of a workspace, one measured
/// from the sample tenant and one without a source.</summary>
public sealed class SuccessExecutionCmdletTests : IClassFixture<ModuleSession>, IDisposable
{
    private const string SampleTenant = "7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b";
    private const string Fabrikam = "6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11";
    private readonly ModuleSession _session;
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));

    public SuccessExecutionCmdletTests(ModuleSession session)
    {
        _session = session;
        Run($"New-FtCustomerPlan -TenantId {SampleTenant} -Customer Contoso -CsmName 'Avery Smith' -IntendedService Teams, OneDrive -Workspace $args[0] | Out-Null; " +
            $"Set-FtCustomerPlan -TenantId {SampleTenant} -Service Teams, OneDrive -EnabledOn 2026-06-01 -CommunicatedOn 2026-06-05 -Workspace $args[0]; " +
            $"New-FtCustomerPlan -TenantId {Fabrikam} -Customer Fabrikam -IntendedService Teams -Workspace $args[0] | Out-Null").AssertNoErrors();
    }

    public void Dispose()
    {
        try { Directory.Delete(_workspace, true); } catch (IOException) { }
    }

    private ScriptResult Run(string script, params object[] more) => _session.Run(script, new object[] { _workspace }.Concat(more).ToArray());

    private byte[] PlanBytes(string tenant) => File.ReadAllBytes(Path.Combine(_workspace, "plans", tenant + ".json"));

    [Fact]
    public void Every_plan_is_run_measured_where_a_source_exists_and_saved()
    {
        var result = Run("Invoke-FtSuccessExecution -Workspace $args[0] -Verbose");
        result.AssertNoErrors();
        Assert.Equal(2, result.Output.Count);
        var contoso = Assert.Single(result.Output, r => r.Str("Customer") == "Contoso");
        Assert.Equal(true, contoso.Prop("Saved"));
        Assert.Contains("sample tenant", contoso.Str("Source"));
        Assert.Equal(2, ((System.Collections.ICollection)contoso.Prop("Measured")!).Count);
        var fabrikam = Assert.Single(result.Output, r => r.Str("Customer") == "Fabrikam");
        Assert.Null(fabrikam.Prop("Source"));
        Assert.Contains(result.Warnings, w => w.StartsWith("Fabrikam was not measured: no usage source"));

        var history = Run($"Get-FtActiveUsageHistory -TenantId {SampleTenant} -Snapshot -Workspace $args[0]").Output;
        Assert.Equal(new[] { "Teams", "OneDrive" }, history.Select(h => h.Str("Service")));

        var again = Run($"Invoke-FtSuccessExecution -TenantId {SampleTenant} -Force -Workspace $args[0]").Single();
        var kinds = ((System.Collections.IEnumerable)again.Prop("Changes")!).Cast<object>().Select(c => System.Management.Automation.PSObject.AsPSObject(c).Str("Kind")).ToList();
        Assert.DoesNotContain("FirstRun", kinds);
        Assert.DoesNotContain("Usage", kinds); // the same report day again
    }

    // Issue 19: the nightly job may run on several runners, or twice: a plan run today (UTC) is run again only with -Force.
    [Fact]
    public void A_plan_already_run_today_is_skipped_unless_forced_and_said_with_Verbose()
    {
        Run($"Invoke-FtSuccessExecution -TenantId {Fabrikam} -Workspace $args[0] -WarningAction SilentlyContinue").AssertNoErrors();
        var before = PlanBytes(Fabrikam);
        var second = Run("Invoke-FtSuccessExecution -Workspace $args[0] -Verbose -WarningAction SilentlyContinue");
        second.AssertNoErrors();
        Assert.Equal("Contoso", second.Single().Str("Customer")); // a result only for the plan this run ran
        Assert.Contains(second.Verbose, v => v.StartsWith($"Fabrikam ({Fabrikam}): skipped, already run today (") && v.EndsWith("UTC); -Force runs it again."));
        Assert.Equal(before, PlanBytes(Fabrikam));
        var forced = Run($"Invoke-FtSuccessExecution -TenantId {Fabrikam} -Force -Workspace $args[0] -WarningAction SilentlyContinue");
        Assert.Equal(true, forced.Single().Prop("Saved"));
        Assert.Equal(3L, Run($"(Get-FtCustomerPlan -TenantId {Fabrikam} -Workspace $args[0]).Revision").Single().BaseObject);
    }

    [Fact]
    public void WhatIf_returns_the_same_result_and_writes_nothing()
    {
        var before = PlanBytes(SampleTenant);
        _session.Host.Clear();
        var result = Run($"Invoke-FtSuccessExecution -TenantId {SampleTenant} -WhatIf -Workspace $args[0]").Single();
        Assert.Equal(false, result.Prop("Saved"));
        Assert.Equal(before, PlanBytes(SampleTenant));
        Assert.Contains("Save 2 AU snapshots and this run of the playbook", _session.Host.Text);
        var changes = ((System.Collections.IEnumerable)result.Prop("Changes")!).Cast<object>().Select(c => c.ToString()!).ToList();
        Assert.Contains(changes, c => c.StartsWith("First run of the playbook for Contoso"));
        Assert.Contains(changes, c => c.StartsWith("Teams AU "));
    }

    [Fact]
    public void A_folder_of_another_tenant_fails_that_plan_only()
    {
        var folder = Path.Combine(_workspace, "reports");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "skus.json"), """{"value":[{"accountId":"dcd219dd-bc68-4b9b-bf0b-4a33a796be35","skuPartNumber":"X","skuId":"05e9a617-0261-4cee-bb44-138d3ef5d965","prepaidUnits":{"enabled":1},"servicePlans":[]}]}""");
        File.WriteAllText(Path.Combine(folder, "teams.csv"), "Report Refresh Date,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Call Count,Meeting Count,Has Other Action,Is Licensed,Report Period\r\n" +
            "2026-11-28,ana@other.example,2026-11-27,False,,Microsoft 365 E3,1,0,0,0,No,Yes,28\r\n");
        var result = Run("Invoke-FtSuccessExecution -Path $args[1] -Workspace $args[0]", folder);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("SourceTenantMismatch,FastTrack.PowerShell.Rules.InvokeFtSuccessExecutionCommand", e.FullyQualifiedErrorId));
        Assert.Empty(result.Output);
    }

    [Fact]
    public void The_result_displays_changes_and_next_actions()
    {
        var text = _session.Display($"Invoke-FtSuccessExecution -TenantId {SampleTenant} -WhatIf -Workspace $args[0]", _workspace);
        // Issue 17: the morning view, a line per fact, each starting with what it is.
        Assert.Matches(@"Contoso \(SuccessExecution\), run \d{4}-\d\d-\d\d \d\d:\d\d, not saved", text);
        Assert.Matches(@"\n  AU {8}Teams \d+\.\d% \(target 10%, (met|below)\)", text);
        Assert.Matches(@"\n  AU {8}OneDrive \d+\.\d% \(target 10%, (met|below)\)", text);
        Assert.Contains("  Change    First run of the playbook for Contoso", text);
        Assert.Matches(@"\n  Criteria  \d of \d met", text);
        Assert.Matches(@"\n  Next 1 {4}\S", text);
    }

    // Issue 14: the sample tenant's cycle to the success review, as a FastTrack manager runs it with the cmdlets.
    [Fact]
    public void The_sample_tenant_is_run_through_the_playbook_to_the_success_review()
    {
        var t = SampleTenant;
        Run($"Invoke-FtSuccessExecution -TenantId {t} -Workspace $args[0] | Out-Null; " +
            $"Set-FtCustomerPlan -TenantId {t} -OneDriveAdoptionProgram Accepted -Workspace $args[0]; " +
            $"Invoke-FtHandshake -TenantId {t} -Workspace $args[0] | Out-Null; " +
            $"Add-FtTraining -TenantId {t} -Service Teams -Audience 'All staff' -Attendees 400 -Workspace $args[0]; " +
            $"Add-FtTraining -TenantId {t} -Service OneDrive -Audience 'All staff' -Attendees 400 -Workspace $args[0]; " +
            $"Add-FtTrackingEvidence -TenantId {t} -Tool AdoptionScore -ShownBy 'Jordan Lee' -Service OneDrive -Workspace $args[0]").AssertNoErrors();

        // OneDrive is at 8% and the program's mandatory tasks are open: no promotion, and the error says which.
        var refused = Assert.Single(Run($"Complete-FtSuccessExecution -TenantId {t} -Workspace $args[0]").Errors);
        Assert.Equal("SuccessCriteriaNotMet,FastTrack.PowerShell.Rules.CompleteFtSuccessExecutionCommand", refused.FullyQualifiedErrorId);
        Assert.Contains("MandatoryTasksDone is Fail (open (M)andatory tasks: 3740", refused.Exception.Message);
        Assert.Contains("ActiveUsageGoalMet is Fail", refused.Exception.Message);

        Run($"Set-FtTask -TenantId {t} -Id 3740 -Status Done -Workspace $args[0]; Set-FtTask -TenantId {t} -Id 3741 -Status Done -Workspace $args[0]; " +
            $"Set-FtSuccessMetric -TenantId {t} -Name 'Departments storing files in OneDrive' -Service OneDrive -Target 12 -Current 14 -Workspace $args[0]").AssertNoErrors();
        Assert.Equal(true, Run($"Test-FtSuccessCriteria -TenantId {t} -Quiet -Workspace $args[0]").Single().BaseObject);
        Assert.Contains(Run($"Get-FtNextAction -TenantId {t} -Workspace $args[0]").Output, a => a.Str("Kind") == "Promote");

        var promoted = Run($"Complete-FtSuccessExecution -TenantId {t} -PassThru -Workspace $args[0]");
        promoted.AssertNoErrors();
        Assert.Equal("SuccessReview", promoted.Single().Str("Phase"));
        var after = Run($"Invoke-FtSuccessExecution -TenantId {t} -Force -Workspace $args[0]").Single();
        Assert.Equal("SuccessReview", after.Str("Phase"));
        Assert.Empty((System.Collections.ICollection)after.Prop("NextActions")!);
        Assert.Empty(Run($"Get-FtNextAction -TenantId {t} -Workspace $args[0]").Output);
    }
}
