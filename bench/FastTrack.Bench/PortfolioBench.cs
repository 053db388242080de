using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using FastTrack.Core.Connections;
using FastTrack.Core.Concurrency;
using FastTrack.Core.Graph;
using FastTrack.Core.Measurement;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workflow;
using FastTrack.Core.Workspaces;
using FastTrack.GraphEmulator;

namespace FastTrack.Bench;

/// <summary>Issue 18: a partner's portfolio, one plan per tenant, run as Invoke-FtSuccessExecution runs it, in
/// process through the core API: the same connections (TenantConnector, -AccessToken -GraphEndpoint), the same
/// source resolver, plans prepared -ThrottleLimit at a time off the consuming thread (Throttled.Run) and saved
/// on it. One emulator serves every tenant (Portfolio), with a latency per request and no bandwidth cap: small
/// tenants, so that latency and concurrency are measured, not parsing.</summary>
internal static class PortfolioBench
{
    private sealed record Sample(double ConnectSeconds, double RunSeconds, double CallsPerTenant);

    public static void Run(int tenants, int users, IReadOnlyList<int> limits, int latencyMs, int runs)
    {
        var token = "portfolio-" + Guid.NewGuid().ToString("N");
        Console.Error.WriteLine($"Starting the emulator: {tenants} tenants of {users} users, {latencyMs} ms per request...");
        using var emulator = new EmulatorProcess("--portfolio", tenants, "--portfolio-users", users, "--last-day", "2026-11-22",
            "--token", token, "--latency-ms", latencyMs, "--warm");
        Once(emulator.Endpoint, token, Math.Min(tenants, 8), limits[0]); // loads and JIT-compiles; not counted
        var samples = limits.ToDictionary(l => l, _ => new List<Sample>());
        for (var run = 0; run < runs; run++)
        {
            foreach (var limit in limits) samples[limit].Add(Once(emulator.Endpoint, token, tenants, limit));
            Console.Error.WriteLine($"run {run + 1} of {runs}: " + string.Join(", ", limits.Select(l => $"-ThrottleLimit {l}: {samples[l][^1].RunSeconds:0.00} s")));
        }

        var calls = samples.Values.First()[0].CallsPerTenant;
        var latency = latencyMs / 1000.0;
        Console.WriteLine($"{tenants} tenants of {users} users; {latencyMs} ms per request; {calls:0.#} calls per tenant in a run, one after another " +
                          $"(subscribedSkus, then per report its call and its download); median of {runs} runs, interleaved.");
        Console.WriteLine();
        Console.WriteLine("| -ThrottleLimit | Ideal (s) | Run, median (s) | Fastest–slowest (s) | × ideal | Connecting all, median (s) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var limit in limits)
        {
            var ideal = Math.Ceiling(tenants / (double)limit) * calls * latency;
            var seconds = samples[limit].Select(s => s.RunSeconds).OrderBy(s => s).ToList();
            var median = seconds[seconds.Count / 2];
            var connect = samples[limit].Select(s => s.ConnectSeconds).OrderBy(s => s).ElementAt(seconds.Count / 2);
            Console.WriteLine($"| {limit} | {ideal:0.00} | {median:0.00} | {seconds[0]:0.00}–{seconds[^1]:0.00} | {median / ideal:0.00} | {connect:0.00} |");
        }
    }

    private static Sample Once(Uri endpoint, string token, int tenants, int limit)
    {
        var root = Path.Combine(Path.GetTempPath(), "ftbench-portfolio-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var connections = new ConnectionRegistry();
        try
        {
            var workspace = new Workspace(root);
            var store = new PlanStore(workspace, PlaybookCatalog.Default);
            var watch = Stopwatch.StartNew();
            foreach (var connected in Throttled.Run(Enumerable.Range(1, tenants).ToList(), limit, (i, _) => Connect(endpoint, token, i), CancellationToken.None))
            {
                connections.Add(connected.Result ?? throw connected.Error!);
                var c = connected.Result;
                var plan = CustomerPlan.New(PlaybookCatalog.Default, c.TenantId, c.DisplayName!, DateTimeOffset.Now);
                plan.PrimaryDomain = c.DefaultDomain;
                store.Create(plan);
            }
            var connectSeconds = watch.Elapsed.TotalSeconds;
            var before = Requests(endpoint);
            watch.Restart();
            RunPlans(store, new UsageSourceResolver(connections, workspace), limit);
            var runSeconds = watch.Elapsed.TotalSeconds;
            return new Sample(connectSeconds, runSeconds, (Requests(endpoint) - before) / (double)tenants);
        }
        finally
        {
            foreach (var connection in connections.All) connections.Remove(connection.TenantId);
            Directory.Delete(root, recursive: true);
        }
    }

    // What Invoke-FtSuccessExecution does with every plan of the workspace (ForEachPlanThrottled).
    private static void RunPlans(PlanStore store, UsageSourceResolver sources, int limit)
    {
        var plans = store.ReadAll().Select(p => p.Value!).ToList();
        var request = new UsageSourceRequest();
        foreach (var run in Throttled.Run(plans, limit, (plan, token) => SuccessExecution.Prepare(plan, PlaybookCatalog.Default,
                     sources.TryResolve(request, plan, token), DateTimeOffset.Now, CultureInfo.InvariantCulture, cancellationToken: token), CancellationToken.None))
        {
            if (run.Error is { } error) throw error;
            var result = run.Result!.Result;
            if (result.Failures.Count > 0 || result.Measured.Count != Enum.GetValues<M365Service>().Length) throw new InvalidOperationException($"{result.Customer}: {string.Join("; ", result.Failures.Select(f => f.Message))}");
            run.Result.Save(store, null);
        }
    }

    private static TenantConnection Connect(Uri endpoint, string token, int index) =>
        TenantConnector.Connect(new ConnectionRequest
        {
            Method = ConnectionMethod.AccessToken,
            AccessToken = GraphDownloads.Secure(Portfolio.Token(token, index)),
            GraphEndpoint = endpoint,
        });

    private static readonly HttpClient Control = new();

    private static int Requests(Uri endpoint) =>
        Control.GetFromJsonAsync<List<object>>(new Uri(endpoint, "emulator/requests")).GetAwaiter().GetResult()!.Count;
}
