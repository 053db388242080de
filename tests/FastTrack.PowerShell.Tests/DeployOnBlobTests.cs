using System.Text.Json;
using Azure.Storage.Blobs;
using FastTrack.PowerShell.Tests.Hosting;
using FastTrack.Tests.Shared;

namespace FastTrack.PowerShell.Tests;

/// <summary>Issue 19: deploy/'s runbook and Functions app run the nightly portfolio in a workspace in Azure Blob
/// Storage (Azurite, the real client), each tenant signing in from its plan's profile with the managed identity the
/// Graph emulator serves (IDENTITY_ENDPOINT), in a fresh pwsh that imports the module by name, as in Azure.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeployOnBlobTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private readonly AzuriteFixture _azurite;
    private readonly EmulatorProcess _woodgrove = new(Guid.Parse("2f3e4d5c-6b7a-4c8d-9e0f-1a2b3c4d5e6f"), "Woodgrove", "woodgrove.example", "token-woodgrove-" + Guid.NewGuid().ToString("N"));

    public DeployOnBlobTests(AzuriteFixture azurite) => _azurite = azurite;

    public void Dispose() => _woodgrove.Dispose();

    private Dictionary<string, string> Environment(BlobContainerClient container) => new()
    {
        ["FASTTRACK_WORKSPACE"] = container.Uri.ToString(),
        ["FASTTRACK_STORAGE_CONNECTION_STRING"] = _azurite.Emulator.ConnectionString,
        ["IDENTITY_ENDPOINT"] = new Uri(_woodgrove.BaseAddress, "msi/token").ToString(),
        ["IDENTITY_HEADER"] = "emulator-identity-header",
        // Import-Module FastTrack.PowerShell by name, as the Automation account and the Functions app do.
        ["PSModulePath"] = Path.Combine(ModulePaths.RepoRoot, "out") + Path.PathSeparator + (System.Environment.GetEnvironmentVariable("PSModulePath") ?? ""),
    };

    // A container holding Woodgrove's plan, whose profile signs in with the managed identity.
    private BlobContainerClient Portfolio()
    {
        var container = _azurite.Emulator.NewContainer();
        using var maker = new PwshProcess(
            $"New-FtCustomerPlan -TenantId {_woodgrove.TenantId} -Customer Woodgrove -IntendedService Teams, OneDrive | Out-Null; " +
            $"Set-FtCustomerPlan -TenantId {_woodgrove.TenantId} -ConnectionProfile @{{ Method = 'ManagedIdentity'; GraphEndpoint = '{_woodgrove.BaseAddress}' }}",
            Environment(container));
        maker.WaitForSuccess(Patience);
        return container;
    }

    private JsonElement Plan(BlobContainerClient container) =>
        JsonDocument.Parse(container.GetBlobClient($"plans/{_woodgrove.TenantId}.json").DownloadContent().Value.Content.ToString()).RootElement;

    [AzuriteFact]
    public void The_Automation_runbook_runs_the_portfolio_of_a_container_and_the_next_run_that_day_does_nothing()
    {
        var container = Portfolio();
        var script = Path.Combine(ModulePaths.RepoRoot, "deploy", "automation", "Invoke-FtNightlyPortfolio.ps1");
        using (var runbook = new PwshProcess($"& '{script}' | ForEach-Object {{ '{{0}} {{1}}' -f $_.TenantId, $_.Source }}", Environment(container)))
        {
            runbook.WaitForSuccess(Patience);
            var ran = Assert.Single(runbook.Output);
            Assert.StartsWith($"{_woodgrove.TenantId} Microsoft Graph for Woodgrove", ran);
        }
        Assert.True(Plan(container).TryGetProperty("lastRun", out _));
        Assert.NotEmpty(container.GetBlobs(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, "cache/", default).ToList()); // the reports it read, shared with other runners

        using var again = new PwshProcess($"& '{script}' | ForEach-Object TenantId", Environment(container));
        again.WaitForSuccess(Patience);
        Assert.Empty(again.Output);
    }

    [AzuriteFact]
    public void The_Functions_timer_runs_the_portfolio_of_a_container()
    {
        var container = Portfolio();
        var script = Path.Combine(ModulePaths.RepoRoot, "deploy", "functions", "NightlyPortfolio", "run.ps1");
        using var function = new PwshProcess($"& '{script}' -Timer ([pscustomobject]@{{ IsPastDue = $false }}) 6>&1 | ForEach-Object {{ \"$_\" }}", Environment(container));
        function.WaitForSuccess(Patience);
        Assert.Contains("FastTrack nightly run: 1 plan(s) run, 0 failed.", function.Output);
        Assert.True(Plan(container).TryGetProperty("lastRun", out _));
    }
}
