using System.Management.Automation;

namespace FastTrack.PowerShell.Tests;

/// <summary>The plan cmdlets in the real engine against real files. Every test uses its own workspace.</summary>
public sealed class PlanCmdletTests : IClassFixture<ModuleSession>, IDisposable
{
    private const string Contoso = "6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11";
    private const string Fabrikam = "0b7e3c1d-5a2f-4e8b-8c6d-1f2a3b4c5d6e";
    private readonly ModuleSession _session;
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));

    public PlanCmdletTests(ModuleSession session)
    {
        _session = session;
        Run($"New-FtCustomerPlan -TenantId {Contoso} -Customer 'Contoso Ltd' -PrimaryDomain contoso.com -CsmName 'Avery Smith' -CsmEmail avery@example.com -IntendedService Teams, OneDrive -Workspace $args[0]").AssertNoErrors();
        Run($"New-FtCustomerPlan -TenantId {Fabrikam} -Customer Fabrikam -PrimaryDomain fabrikam.com -Segment SMB -Workspace $args[0]").AssertNoErrors();
    }

    public void Dispose()
    {
        try { Directory.Delete(_workspace, true); } catch (IOException) { }
    }

    /// <summary>Runs a script with the test's workspace as $args[0].</summary>
    private ScriptResult Run(string script, params object[] more) => _session.Run(script, new object[] { _workspace }.Concat(more).ToArray());

    private string PlanFile(string tenant) => Path.Combine(_workspace, "plans", tenant + ".json");

    [Fact]
    public void Plans_are_created_listed_sorted_and_found_by_customer_domain_and_phase()
    {
        var all = Run("Get-FtCustomerPlan -Workspace $args[0]").Output;
        Assert.Equal(new[] { "Contoso Ltd", "Fabrikam" }, all.Select(p => p.Str("Customer")));
        Assert.Equal("FastTrack.Core.Plans.CustomerPlan", all[0].TypeNames[0]);
        Assert.Equal("Contoso Ltd", Run("Get-FtCustomerPlan -Customer contoso* -Workspace $args[0]").Single().Str("Customer"));
        Assert.Equal("Fabrikam", Run("Get-FtCustomerPlan -Domain fabrikam.com -Workspace $args[0]").Single().Str("Customer"));
        Assert.Equal(2, Run("Get-FtCustomerPlan -Phase SuccessExecution -Workspace $args[0]").Output.Count);
        var intended = Run($"(Get-FtCustomerPlan -TenantId {Contoso} -Workspace $args[0]).IntendedServices").Output.Select(o => o.ToString());
        Assert.Equal(new[] { "Teams", "OneDrive" }, intended);
    }

    [Fact]
    public void A_missing_plan_is_ObjectNotFound()
    {
        var result = Run("Get-FtCustomerPlan -Customer Northwind -Workspace $args[0]");
        var error = Assert.Single(result.Errors);
        Assert.Equal("PlanNotFound,FastTrack.PowerShell.Plans.GetFtCustomerPlanCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Empty(Run("Get-FtCustomerPlan -Customer North* -Workspace $args[0]").Errors);
    }

    [Fact]
    public void Plans_piped_by_value_are_changed_and_PassThru_returns_the_new_revision()
    {
        var updated = Run("Get-FtCustomerPlan -Customer Contoso* -Workspace $args[0] | Set-FtCustomerPlan -CsmName 'Jordan Lee' -CsmEmail jordan@example.com -Workspace $args[0] -PassThru").Single();
        Assert.Equal(2L, updated.Prop("Revision"));
        Assert.Contains("Jordan Lee", File.ReadAllText(PlanFile(Contoso)));
    }

    [Fact]
    public void TenantId_binds_by_property_name()
    {
        Run($"[pscustomobject]@{{ TenantId = '{Fabrikam}' }} | Set-FtCustomerPlan -Phase SuccessReview -Workspace $args[0]").AssertNoErrors();
        Assert.Equal("SuccessReview", Run($"(Get-FtCustomerPlan -TenantId {Fabrikam} -Workspace $args[0]).Phase").Single().ToString());
    }

    [Fact]
    public void WhatIf_leaves_the_disk_unchanged_and_says_what_it_would_do()
    {
        var before = File.ReadAllBytes(PlanFile(Contoso));
        _session.Host.Clear();
        Run($"Set-FtCustomerPlan -TenantId {Contoso} -Phase Closed -WhatIf -Workspace $args[0]; Add-FtBlocker -TenantId {Contoso} -Description x -WhatIf -Workspace $args[0]; " +
            $"Remove-FtCustomerPlan -TenantId {Contoso} -WhatIf -Workspace $args[0]; New-FtCustomerPlan -TenantId 3e0fa563-b68f-42de-b828-2d29d91b3ecf -Customer Northwind -WhatIf -Workspace $args[0]").AssertNoErrors();
        Assert.Equal(before, File.ReadAllBytes(PlanFile(Contoso)));
        Assert.False(File.Exists(PlanFile("3e0fa563-b68f-42de-b828-2d29d91b3ecf")));
        var text = _session.Host.Text;
        // Issue 17: the fields and values a change would set, not only which command ran.
        Assert.Matches($@"What if: Performing the operation ""Update customer success plan: [^""]*phase 'SuccessExecution' → 'Closed'[^""]*"" on target ""Contoso Ltd \({Contoso}\)""", text);
        Assert.Contains("Add blocker: x", text);
        Assert.Contains("Remove customer success plan", text);
        Assert.Contains("Create customer success plan", text);
    }

    [Fact]
    public void A_plan_saved_by_someone_else_since_it_was_read_is_refused_unless_Force()
    {
        var result = Run($"$stale = Get-FtCustomerPlan -TenantId {Contoso} -Workspace $args[0]; " +
                         $"Set-FtCustomerPlan -TenantId {Contoso} -Phase SuccessReview -Workspace $args[0]; " +
                         "$stale | Set-FtCustomerPlan -Phase Closed -Workspace $args[0]; (Get-FtCustomerPlan -TenantId " + Contoso + " -Workspace $args[0]).Phase; " +
                         "$stale | Set-FtCustomerPlan -Phase Closed -Force -Workspace $args[0] -PassThru | ForEach-Object Phase");
        var error = Assert.Single(result.Errors);
        Assert.Equal("PlanChanged,FastTrack.PowerShell.Plans.SetFtCustomerPlanCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Equal(new[] { "SuccessReview", "Closed" }, result.Output.Select(o => o.ToString()));
    }

    [Theory]
    [InlineData("-Service Teams -TargetAU 120", "TargetOutOfRange", ErrorCategory.InvalidArgument)]
    [InlineData("-Service Teams -BaselineAU -3", "BaselineOutOfRange", ErrorCategory.InvalidArgument)]
    [InlineData("-Service Bogus -TargetAU 20", "UnknownService", ErrorCategory.InvalidArgument)]
    [InlineData("-TargetAU 20", "ServiceRequired", ErrorCategory.InvalidArgument)]
    [InlineData("-Service Teams -EnabledOn 2026-05-02 -CommunicatedOn 2026-05-01", "DatesOutOfOrder", ErrorCategory.InvalidArgument)]
    [InlineData("-CsmEmail 'not an address'", "InvalidEmail", ErrorCategory.InvalidArgument)]
    public void Bad_input_gets_a_clear_error_and_nothing_is_written(string arguments, string errorId, ErrorCategory category)
    {
        var before = File.ReadAllBytes(PlanFile(Contoso));
        var result = Run($"Set-FtCustomerPlan -TenantId {Contoso} {arguments} -Workspace $args[0]");
        var error = Assert.Single(result.Errors);
        Assert.Equal($"{errorId},FastTrack.PowerShell.Plans.SetFtCustomerPlanCommand", error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.DoesNotContain("   at ", error.Exception.Message); // a message, not a stack trace
        Assert.Equal(before, File.ReadAllBytes(PlanFile(Contoso)));
    }

    [Fact]
    public void A_malformed_tenant_id_names_the_parameter_and_writes_nothing()
    {
        var result = Run("New-FtCustomerPlan -TenantId not-a-guid -Customer X -Workspace $args[0]");
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.EndsWith(",FastTrack.PowerShell.Plans.NewFtCustomerPlanCommand", error.FullyQualifiedErrorId);
        Assert.Contains("TenantId", error.Exception.Message);
        Assert.Contains("not-a-guid", error.Exception.Message);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_workspace, "plans"), "*.json").Length);
    }

    [Fact]
    public void A_second_plan_for_a_tenant_is_ResourceExists()
    {
        var error = Assert.Single(Run($"New-FtCustomerPlan -TenantId {Contoso} -Customer Again -Workspace $args[0]").Errors);
        Assert.Equal("PlanExists,FastTrack.PowerShell.Plans.NewFtCustomerPlanCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
    }

    [Fact]
    public void Blockers_are_added_listed_and_resolved_through_the_pipeline()
    {
        Run($"Get-FtCustomerPlan -TenantId {Contoso} -Workspace $args[0] | Add-FtBlocker -Service Teams -Description 'Proxy blocks media' -Category Network -Workspace $args[0]; " +
            $"Add-FtBlocker -TenantId {Contoso} -Service OneDrive -Description 'Sync client not deployed' -Workspace $args[0]; " +
            $"Add-FtBlocker -TenantId {Fabrikam} -Description 'No champions yet' -Workspace $args[0]").AssertNoErrors();
        var open = Run("Get-FtBlocker -Workspace $args[0]").Output;
        Assert.Equal(3, open.Count);
        Assert.Equal("FastTrack.Core.Plans.CustomerBlocker", open[0].TypeNames[0]);
        Assert.Equal(new[] { "Proxy blocks media" }, Run("Get-FtBlocker -Service Teams -Workspace $args[0]").Output.Select(b => b.Str("Description")));

        Run("Get-FtBlocker -Workspace $args[0] | Where-Object Description -like 'Proxy*' | Resolve-FtBlocker -Resolution 'Bypass for Teams media' -Workspace $args[0]").AssertNoErrors();
        Assert.Equal(2, Run("Get-FtBlocker -Workspace $args[0]").Output.Count);
        var resolved = Run($"Get-FtBlocker -TenantId {Contoso} -IncludeResolved -Workspace $args[0] | Where-Object {{ -not $_.IsOpen }}").Single();
        Assert.Equal("Bypass for Teams media", resolved.Str("Resolution"));

        var again = Assert.Single(Run($"Resolve-FtBlocker -TenantId {Contoso} -Id 1 -Resolution twice -Workspace $args[0]").Errors);
        Assert.Equal("BlockerAlreadyResolved,FastTrack.PowerShell.Plans.ResolveFtBlockerCommand", again.FullyQualifiedErrorId);
        var missing = Assert.Single(Run($"Resolve-FtBlocker -TenantId {Contoso} -Id 42 -Resolution x -Workspace $args[0]").Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, missing.CategoryInfo.Category);
    }

    [Fact]
    public void Add_FtBlocker_PassThru_returns_the_new_blocker_which_pipes_to_Resolve_FtBlocker()
    {
        Run($"Add-FtBlocker -TenantId {Contoso} -Description 'No champions yet' -Workspace $args[0]").AssertNoErrors();
        var added = Run($"Add-FtBlocker -TenantId {Contoso} -Service Teams -Description 'Proxy blocks media' -PassThru -Workspace $args[0]").Single();
        Assert.Equal("FastTrack.Core.Plans.CustomerBlocker", added.TypeNames[0]);
        Assert.Equal(2, (int)added.Prop("Id")!);
        Assert.Equal("Contoso Ltd", added.Str("Customer"));
        Assert.Equal("Contoso Ltd #2 Proxy blocks media", added.ToString());

        Run("$args[1] | Resolve-FtBlocker -Resolution 'Bypass for Teams media' -Workspace $args[0]", added).AssertNoErrors();
        Assert.Equal(new[] { "No champions yet" }, Run("Get-FtBlocker -Workspace $args[0]").Output.Select(b => b.Str("Description")));
    }

    [Fact]
    public void Success_metrics_are_added_then_updated_and_training_is_recorded()
    {
        Run($"Set-FtSuccessMetric -TenantId {Contoso} -Name 'Meetings in Teams' -Service Teams -Target 80 -Unit % -Workspace $args[0]; " +
            $"Set-FtSuccessMetric -TenantId {Contoso} -Name 'meetings in teams' -Current 64 -Workspace $args[0]; " +
            $"Add-FtTraining -TenantId {Contoso} -Service VivaEngage -Audience Champions -Attendees 12 -Workspace $args[0]").AssertNoErrors();
        var plan = Run($"Get-FtCustomerPlan -TenantId {Contoso} -Workspace $args[0]").Single();
        var metric = Run("$args[1].SuccessMetrics[0]", plan).Single();
        Assert.Equal(80.0, metric.Prop("Target"));
        Assert.Equal(64.0, metric.Prop("Current"));
        Assert.Equal(false, metric.Prop("IsMet"));
        Assert.Equal("Yammer", Run("$args[1].Training[0].Service", plan).Single().ToString());
        var noTarget = Assert.Single(Run($"Set-FtSuccessMetric -TenantId {Contoso} -Name New -Current 3 -Workspace $args[0]").Errors);
        Assert.StartsWith("SuccessMetricTargetMissing,", noTarget.FullyQualifiedErrorId);
    }

    [Fact]
    public void Remove_archives_the_plan()
    {
        Run($"Remove-FtCustomerPlan -TenantId {Fabrikam} -Confirm:$false -Workspace $args[0]").AssertNoErrors();
        Assert.False(File.Exists(PlanFile(Fabrikam)));
        Assert.Single(Directory.GetFiles(Path.Combine(_workspace, "plans", "removed")));
        Assert.Equal(new[] { "Contoso Ltd" }, Run("Get-FtCustomerPlan -Workspace $args[0]").Output.Select(p => p.Str("Customer")));
    }

    [Fact]
    public void An_unreadable_plan_is_a_non_terminating_error_and_the_others_are_listed()
    {
        File.WriteAllText(PlanFile(Fabrikam), "{ \"schemaVersion\": 1,\n  \"customer\": ");
        var result = Run("Get-FtCustomerPlan -Workspace $args[0]");
        Assert.Equal("Contoso Ltd", Assert.Single(result.Output).Str("Customer"));
        var error = Assert.Single(result.Errors);
        Assert.Equal("PlanUnreadable,FastTrack.PowerShell.Plans.GetFtCustomerPlanCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains(PlanFile(Fabrikam), error.Exception.Message);
        Assert.Contains("line 2", error.Exception.Message);
        var change = Assert.Single(Run($"Set-FtCustomerPlan -TenantId {Fabrikam} -Phase Closed -Force -Workspace $args[0]").Errors);
        Assert.StartsWith("PlanUnreadable,", change.FullyQualifiedErrorId);
        Assert.Equal("{ \"schemaVersion\": 1,\n  \"customer\": ", File.ReadAllText(PlanFile(Fabrikam)));
    }

    [Fact]
    public void The_default_view_shows_customer_phase_csm_services_and_open_blockers()
    {
        Run($"Add-FtBlocker -TenantId {Contoso} -Description 'Proxy' -Workspace $args[0]").AssertNoErrors();
        var text = _session.Display("Get-FtCustomerPlan -Workspace $args[0]", _workspace);
        Assert.Matches(@"Customer\s+Phase\s+Csm\s+TargetsMet\s+OpenBlockers", text);
        Assert.Matches(@"Contoso Ltd\s+SuccessExecution\s+Avery Smith\s+0 of 2\s+1", text);
        Assert.Matches(@"Fabrikam\s+SuccessExecution\s+\(none\)\s+0 of \d\s+0", text);
    }

    [Fact]
    public void Customer_names_and_tenant_ids_tab_complete_from_the_workspace()
    {
        var customers = _session.Complete($"Get-FtCustomerPlan -Workspace '{_workspace}' -Customer Con");
        Assert.Equal(new[] { "'Contoso Ltd'" }, customers);
        var tenants = _session.Complete($"Set-FtCustomerPlan -Workspace '{_workspace}' -TenantId fab");
        Assert.Equal(new[] { Fabrikam }, tenants);
        var domains = _session.Complete($"Get-FtCustomerPlan -Workspace '{_workspace}' -Domain cont");
        Assert.Equal(new[] { "contoso.com" }, domains);
    }

    [Fact]
    public void The_workspace_comes_from_FASTTRACK_WORKSPACE_when_not_given()
    {
        var result = Run("$saved = $env:FASTTRACK_WORKSPACE; try { $env:FASTTRACK_WORKSPACE = $args[0]; (Get-FtCustomerPlan).Customer } finally { $env:FASTTRACK_WORKSPACE = $saved }");
        Assert.Equal(new[] { "Contoso Ltd", "Fabrikam" }, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_relative_workspace_is_resolved_against_the_PowerShell_location()
    {
        var parent = Path.GetDirectoryName(_workspace)!;
        var name = Path.GetFileName(_workspace);
        var result = Run("$saved = $PWD.Path; try { $null = $ExecutionContext.SessionState.Path.SetLocation($args[1]); (Get-FtCustomerPlan -Workspace $args[2]).Customer } " +
                         "finally { $null = $ExecutionContext.SessionState.Path.SetLocation($saved) }", parent, "./" + name);
        Assert.Equal(new[] { "Contoso Ltd", "Fabrikam" }, result.Output.Select(o => o.ToString()));
    }
}
