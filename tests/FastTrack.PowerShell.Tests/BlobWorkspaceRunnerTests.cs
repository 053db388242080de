using System.Text.Json;
using Azure.Storage.Blobs;
using FastTrack.Tests.Shared;

namespace FastTrack.PowerShell.Tests;

/// <summary>Issue 19: one workspace in Azure Blob Storage (Azurite, the real client), many real pwsh processes at
/// once: writers that race on one plan, runners that share out the portfolio, a runner killed mid-run.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobWorkspaceRunnerTests
{
    // Generous: the CI machine has two cores, shared; four pwsh processes on it are slow to start.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);
    private readonly AzuriteFixture _azurite;

    public BlobWorkspaceRunnerTests(AzuriteFixture azurite) => _azurite = azurite;

    private Dictionary<string, string> Environment(BlobContainerClient container) => new()
    {
        ["FASTTRACK_WORKSPACE"] = container.Uri.ToString(),
        ["FASTTRACK_STORAGE_CONNECTION_STRING"] = _azurite.Emulator.ConnectionString,
        // A killed runner's claim lapses in 15 s instead of a minute: the test waits less, the mechanism is the same.
        ["FASTTRACK_RUN_CLAIM_SECONDS"] = "15",
    };

    private static JsonElement Plan(BlobContainerClient container, string tenant) =>
        JsonDocument.Parse(container.GetBlobClient($"plans/{tenant}.json").DownloadContent().Value.Content.ToString()).RootElement;

    // 200 plans made by one pwsh process, named by their number.
    private List<string> NewPortfolio(BlobContainerClient container, int count)
    {
        var tenants = Enumerable.Range(1, count).Select(i => $"00000000-0000-4000-8000-{i:D12}").ToList();
        using var maker = new PwshProcess(
            $"1..{count} | ForEach-Object {{ New-FtCustomerPlan -TenantId ('00000000-0000-4000-8000-{{0:D12}}' -f $_) -Customer \"Customer $_\" -IntendedService Teams | Out-Null }}",
            Environment(container));
        maker.WaitForSuccess(Patience);
        return tenants;
    }

    private const string Runner = "Invoke-FtSuccessExecution -WarningAction SilentlyContinue | ForEach-Object { $_.TenantId.ToString() }";

    [AzuriteFact]
    public void Four_pwsh_processes_adding_fifty_blockers_each_to_one_plan_leave_exactly_two_hundred()
    {
        var container = _azurite.Emulator.NewContainer();
        const string tenant = "a3c1e5f7-1b2d-4c6e-8a9b-0c1d2e3f4a5b";
        using (var maker = new PwshProcess($"New-FtCustomerPlan -TenantId {tenant} -Customer Contoso | Out-Null", Environment(container)))
            maker.WaitForSuccess(Patience);
        var writers = Enumerable.Range(1, 4).Select(w => new PwshProcess(
            $"1..50 | ForEach-Object {{ Add-FtBlocker -TenantId {tenant} -Description \"writer{w} blocker $_\" -Owner writer{w} -LockTimeout 120 }}",
            Environment(container))).ToList();
        try
        {
            foreach (var writer in writers) writer.WaitForSuccess(Patience);
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }
        var plan = Plan(container, tenant);
        var blockers = plan.GetProperty("blockers").EnumerateArray().ToList();
        Assert.Equal(200, blockers.Count);
        Assert.Equal(Enumerable.Range(1, 200), blockers.Select(b => b.GetProperty("id").GetInt32()).Order());
        Assert.All(Enumerable.Range(1, 4), w => Assert.Equal(50, blockers.Count(b => b.GetProperty("owner").GetString() == $"writer{w}")));
        Assert.Equal(201, plan.GetProperty("revision").GetInt64());
    }

    [AzuriteFact]
    public void Four_runners_over_two_hundred_plans_run_every_plan_exactly_once()
    {
        var container = _azurite.Emulator.NewContainer();
        var tenants = NewPortfolio(container, 200);
        var runners = Enumerable.Range(0, 4).Select(_ => new PwshProcess(Runner, Environment(container))).ToList();
        try
        {
            foreach (var runner in runners) runner.WaitForSuccess(Patience);
            var ran = runners.SelectMany(r => r.Output).ToList();
            Assert.Equal(tenants.Order(), ran.Order()); // each plan once, by one runner; results only for plans a runner ran
            Assert.All(tenants, t => Assert.Equal(2, Plan(container, t).GetProperty("revision").GetInt64()));
        }
        finally
        {
            foreach (var runner in runners) runner.Dispose();
        }

        // The same night again: every plan has run today, nothing runs, nothing is written.
        using var again = new PwshProcess(Runner, Environment(container));
        again.WaitForSuccess(Patience);
        Assert.Empty(again.Output);
    }

    [AzuriteFact]
    public void A_runner_killed_mid_run_leaves_no_plan_undone_twice_run_or_torn()
    {
        var container = _azurite.Emulator.NewContainer();
        var tenants = NewPortfolio(container, 80);
        var victim = new PwshProcess(Runner, Environment(container));
        var others = new List<PwshProcess>();
        try
        {
            Assert.True(victim.WaitForOutput(Patience), "the runner never ran a plan: " + victim.Errors);
            others.AddRange(Enumerable.Range(0, 3).Select(_ => new PwshProcess(Runner, Environment(container))));
            Thread.Sleep(300);
            victim.KillHard(); // mid-run: it holds claims on the plans it is running
            foreach (var runner in others) runner.WaitForSuccess(Patience);

            // The killed runner's claims lapse within their lease (15 s here); the next run completes its plans.
            Thread.Sleep(TimeSpan.FromSeconds(16));
            using var next = new PwshProcess(Runner, Environment(container));
            next.WaitForSuccess(Patience);

            var ran = victim.Output.Concat(others.SelectMany(r => r.Output)).Concat(next.Output).ToList();
            Assert.Equal(ran.Count, ran.Distinct().Count()); // none twice
            foreach (var tenant in tenants)
            {
                var plan = Plan(container, tenant); // parses: none torn
                Assert.Equal(2, plan.GetProperty("revision").GetInt64()); // run once, and only once
                Assert.True(plan.TryGetProperty("lastRun", out _), $"{tenant} was never run");
            }
        }
        finally
        {
            victim.Dispose();
            foreach (var runner in others) runner.Dispose();
        }
    }

    [AzuriteFact]
    public void A_change_based_on_a_stale_revision_is_refused_unless_forced()
    {
        var container = _azurite.Emulator.NewContainer();
        const string tenant = "6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11";
        using var session = new PwshProcess(
            $"$plan = New-FtCustomerPlan -TenantId {tenant} -Customer Contoso; " +
            $"Set-FtCustomerPlan -TenantId {tenant} -Customer 'Contoso Ltd'; " +
            "try { $plan | Add-FtBlocker -Description 'stale' } catch { 'refused: ' + $_.FullyQualifiedErrorId }; " +
            "$plan | Add-FtBlocker -Description 'forced' -Force | Out-Null; 'forced'",
            Environment(container));
        session.WaitForSuccess(Patience);
        Assert.Equal(new[] { "refused: PlanChanged,FastTrack.PowerShell.Plans.AddFtBlockerCommand", "forced" }, session.Output);
        var plan = Plan(container, tenant);
        Assert.Equal(3, plan.GetProperty("revision").GetInt64());
        Assert.Equal("Contoso Ltd", plan.GetProperty("customer").GetString());
        Assert.Equal("forced", Assert.Single(plan.GetProperty("blockers").EnumerateArray()).GetProperty("description").GetString());
    }
}
