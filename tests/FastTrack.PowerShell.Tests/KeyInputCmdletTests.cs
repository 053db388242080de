using System.Management.Automation;

namespace FastTrack.PowerShell.Tests;

/// <summary>Issue 20: Find-FtKeyInput in the real engine: enabled dates found in the sample tenant with their
/// source, shown by -WhatIf, recorded only when piped to Set-FtCustomerPlan; an unconnected tenant stops only its plan.</summary>
public sealed class KeyInputCmdletTests : IClassFixture<ModuleSession>, IDisposable
{
    private const string Contoso = "7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b"; // the sample tenant's id: read offline
    private const string Fabrikam = "0b7e3c1d-5a2f-4e8b-8c6d-1f2a3b4c5d6e";
    private readonly ModuleSession _session;
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));

    public KeyInputCmdletTests(ModuleSession session)
    {
        _session = session;
        Run($"New-FtCustomerPlan -TenantId {Contoso} -Customer Contoso -IntendedService Teams, Yammer -Workspace $args[0] | Out-Null; " +
            $"New-FtCustomerPlan -TenantId {Fabrikam} -Customer Fabrikam -IntendedService Teams -Workspace $args[0] | Out-Null").AssertNoErrors();
    }

    public void Dispose()
    {
        try { Directory.Delete(_workspace, true); } catch (IOException) { }
    }

    private ScriptResult Run(string script) => _session.Run(script, _workspace);

    private string PlanFile(string tenant) => Path.Combine(_workspace, "plans", tenant + ".json");

    [Fact]
    public void Dates_are_found_for_the_intended_services_with_their_source_and_WhatIf_writes_nothing()
    {
        var found = Run($"Find-FtKeyInput -TenantId {Contoso} -Workspace $args[0]");
        found.AssertNoErrors();
        Assert.Equal(new[] { "Teams", "Yammer" }, found.Output.Select(f => f.Str("Service")));
        Assert.All(found.Output, f => Assert.Equal("New", f.Str("Status")));
        Assert.Equal("plan TEAMS1", found.Output[0].Str("Source"));

        var before = File.ReadAllBytes(PlanFile(Contoso));
        _session.Host.Clear();
        Run($"Find-FtKeyInput -TenantId {Contoso} -Workspace $args[0] | Set-FtCustomerPlan -WhatIf -Workspace $args[0]").AssertNoErrors();
        Assert.Equal(before, File.ReadAllBytes(PlanFile(Contoso)));
        Assert.Matches(@"What if: Performing the operation ""Update customer success plan: services Teams enabledOn \(none\) → '\d{4}-\d\d-\d\d'; services Teams enabledSource \(none\) → 'plan TEAMS1, from sample tenant Contoso", _session.Host.Text);
    }

    [Fact]
    public void Piped_to_Set_FtCustomerPlan_the_dates_are_recorded_as_detected_and_found_again_the_same()
    {
        Run($"Find-FtKeyInput -TenantId {Contoso} -Workspace $args[0] | Set-FtCustomerPlan -Workspace $args[0]").AssertNoErrors();
        var teams = Run($"(Get-FtCustomerPlan -TenantId {Contoso} -Workspace $args[0]).Services | Where-Object Service -eq Teams").Single();
        Assert.NotNull(teams.Prop("EnabledOn"));
        Assert.StartsWith("plan TEAMS1, from sample tenant Contoso", teams.Str("EnabledSource"));
        Assert.All(Run($"Find-FtKeyInput -TenantId {Contoso} -Workspace $args[0]").Output, f => Assert.Equal("Same", f.Str("Status")));

        Run($"Set-FtCustomerPlan -TenantId {Contoso} -Service Teams, Yammer -CommunicatedOn ([datetime]::Today) -Workspace $args[0]").AssertNoErrors();
        var evidence = Run($"(Test-FtSuccessCriteria -TenantId {Contoso} -Workspace $args[0] | Where-Object Id -eq ServicesEnabledAndCommunicated).Evidence").Single().ToString();
        Assert.Contains("(detected: plan TEAMS1, from sample tenant Contoso", evidence);
        Assert.Contains("(entered)", evidence);
    }

    [Fact]
    public void A_tenant_not_connected_is_an_error_for_its_plan_alone()
    {
        var result = Run("Find-FtKeyInput -Workspace $args[0]");
        var error = Assert.Single(result.Errors);
        Assert.Equal("KeyInputTenantNotConnected,FastTrack.PowerShell.KeyInputs.FindFtKeyInputCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Contains($"Connect-FtTenant -TenantId {Fabrikam}", error.Exception.Message);
        Assert.Equal(new[] { "Contoso", "Contoso" }, result.Output.Select(f => f.Str("Customer")));
    }

    [Fact]
    public void A_date_typed_since_it_was_found_is_refused_unless_Force()
    {
        var result = Run($"$found = Find-FtKeyInput -TenantId {Contoso} -Service Teams -Workspace $args[0]; " +
                         $"Set-FtCustomerPlan -TenantId {Contoso} -Service Teams -EnabledOn 2026-10-01 -Workspace $args[0]; " +
                         "$found | Set-FtCustomerPlan -Workspace $args[0]");
        Assert.Equal("KeyInputChangedSince,FastTrack.PowerShell.Plans.SetFtCustomerPlanCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Run($"Find-FtKeyInput -TenantId {Contoso} -Service Teams -Workspace $args[0] | Set-FtCustomerPlan -Workspace $args[0]").AssertNoErrors();
    }
}
