using System.Diagnostics;
using System.Text.Json;
using FastTrack.GraphEmulator;

namespace FastTrack.Bench;

/// <summary>Issue 18: the portfolio run the way a partner runs it, in pwsh 7.6 (the repository's dotnet tool) running
/// bench/portfolio.ps1: Connect-FtTenant -AccessToken -GraphEndpoint per tenant, New-FtCustomerPlan per tenant,
/// Invoke-FtSuccessExecution -ThrottleLimit. Run from the repository root after `dotnet build` and `dotnet tool restore`.</summary>
internal static class PortfolioInPowerShell
{
    public static void Run(int tenants, int users, int limit, int latencyMs, int runs)
    {
        var manifest = Path.GetFullPath(Directory.GetFiles("out/FastTrack.PowerShell", "FastTrack.PowerShell.psd1", SearchOption.AllDirectories).Single());
        var token = "portfolio-" + Guid.NewGuid().ToString("N");
        using var emulator = new EmulatorProcess("--portfolio", tenants, "--portfolio-users", users, "--last-day", "2026-11-22",
            "--token", token, "--latency-ms", latencyMs, "--warm");
        var samples = new List<JsonElement>();
        for (var run = 0; run < runs; run++)
        {
            var workspace = Path.Combine(Path.GetTempPath(), "ftbench-pwsh-" + Guid.NewGuid().ToString("N"));
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", Path.GetFullPath("bench/portfolio.ps1"), "-Manifest", manifest,
                         "-Endpoint", emulator.Endpoint.ToString(), "-Token", token, "-Workspace", workspace, "-Tenants", tenants.ToString(), "-ThrottleLimit", limit.ToString() })
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            samples.Add(JsonDocument.Parse(output.Trim().Split('\n').Last()).RootElement.Clone());
            Console.Error.WriteLine($"run {run + 1} of {runs}: {samples[^1]}");
            try { Directory.Delete(workspace, true); } catch (IOException) { }
        }
        double Median(string name) => samples.Select(s => s.GetProperty(name).GetDouble()).OrderBy(v => v).ElementAt(samples.Count / 2);
        var ideal = Math.Ceiling(tenants / (double)limit) * 15 * latencyMs / 1000.0;
        Console.WriteLine($"| In pwsh 7.6: Invoke-FtSuccessExecution -ThrottleLimit {limit} | {ideal:0.00} | {Median("runSeconds"):0.00} | " +
                          $"{samples.Min(s => s.GetProperty("runSeconds").GetDouble()):0.00}–{samples.Max(s => s.GetProperty("runSeconds").GetDouble()):0.00} | " +
                          $"{Median("runSeconds") / ideal:0.00} | {Median("connectSeconds"):0.00} (one Connect-FtTenant after another) |");
        Console.WriteLine($"Measured {samples.Last().GetProperty("measured")} services of {samples.Last().GetProperty("results")} plans, {samples.Last().GetProperty("failures")} failures.");
    }
}
