namespace FastTrack.PowerShell.Tests;

/// <summary>Issue 20: Get-FtPortfolio in the real engine: ranked by risk, piped plans, -AtRisk, reasons with sources.</summary>
public sealed class PortfolioCmdletTests : IClassFixture<ModuleSession>, IDisposable
{
    private const string Contoso = "6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11";
    private const string Fabrikam = "3e0fa563-b68f-42de-b828-2d29d91b3ecf";
    private readonly ModuleSession _session;
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));

    public PortfolioCmdletTests(ModuleSession session)
    {
        _session = session;
        Run($"New-FtCustomerPlan -TenantId {Contoso} -Customer Contoso -CsmName 'Avery Smith' -IntendedService Teams -Workspace $args[0] | Out-Null; " +
            $"Set-FtCustomerPlan -TenantId {Contoso} -Service Teams -EnabledOn 2026-09-01 -CommunicatedOn 2026-09-10 -Workspace $args[0]; " +
            $"Add-FtBlocker -TenantId {Contoso} -Description 'Proxy' -Opened ([datetime]::Today.AddDays(-21)) -Workspace $args[0]; " +
            $"New-FtCustomerPlan -TenantId {Fabrikam} -Customer Fabrikam -Workspace $args[0] | Out-Null").AssertNoErrors();
    }

    public void Dispose()
    {
        try { Directory.Delete(_workspace, true); } catch (IOException) { }
    }

    private IReadOnlyList<System.Management.Automation.PSObject> Output(string script)
    {
        var result = _session.Run(script, _workspace);
        result.AssertNoErrors();
        return result.Output;
    }

    private ScriptResult Run(string script) => _session.Run(script, _workspace);

    [Fact]
    public void Customers_come_riskiest_first_with_their_reasons_and_sources()
    {
        var ranked = Output("Get-FtPortfolio -Workspace $args[0]");
        Assert.Equal(new[] { "Contoso", "Fabrikam" }, ranked.Select(e => e.Str("Customer")));
        var reasons = ((System.Collections.IEnumerable)ranked[0].Prop("Reasons")!).Cast<object>().Select(r => new System.Management.Automation.PSObject(r)).ToList();
        Assert.Contains(reasons, r => r.Str("Source") == "blockers #1" && (r.Str("Text") ?? "").Contains("(21 days)"));
        Assert.Contains(reasons, r => r.Str("Source") == "tasks 3731 Teams");
        Assert.Equal(reasons.Sum(r => (int)r.Prop("Weight")!), (int)ranked[0].Prop("RiskScore")!);
    }

    [Fact]
    public void AtRisk_keeps_the_customers_to_act_on_and_piped_plans_are_ranked_alone()
    {
        Assert.Equal("Contoso", Assert.Single(Output("Get-FtPortfolio -AtRisk -Workspace $args[0]")).Str("Customer"));
        var piped = Output($"Get-FtCustomerPlan -TenantId {Fabrikam} -Workspace $args[0] | Get-FtPortfolio -Workspace $args[0]");
        Assert.Equal("Fabrikam", Assert.Single(piped).Str("Customer"));
        Assert.Equal("Low", piped[0].Str("RiskLevel"));
    }
}
