using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FastTrack.Bench;

// dotnet run -c Release --project bench/FastTrack.Bench -- [--kinds|--sets] [--users 100000,1000000] [--data DIR] [--runs 3] [--import-runs 5]
if (args.Length > 0 && args[0] == "--child")
{
    Console.WriteLine(JsonSerializer.Serialize(UsageApproaches.Run(args[1], args[2])));
    return 0;
}

if (args.Length > 2 && args[0] == "--write-wide")
{
    Console.WriteLine(WideReportSet.Ensure(args[2], int.Parse(args[1], CultureInfo.InvariantCulture)));
    return 0;
}

if (args.Length > 0 && args[0] == "--graph")
{
    string GraphArg(string name, string fallback) => Array.IndexOf(args, "--" + name) is var i && i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    GraphDownloads.Run(int.Parse(GraphArg("users", "100000"), CultureInfo.InvariantCulture), int.Parse(GraphArg("runs", "5"), CultureInfo.InvariantCulture),
        int.Parse(GraphArg("latency-ms", "100"), CultureInfo.InvariantCulture), int.Parse(GraphArg("mb-per-s", "50"), CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length > 0 && args[0] == "--portfolio")
{
    string PortfolioArg(string name, string fallback) => Array.IndexOf(args, "--" + name) is var i && i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
    var limits = PortfolioArg("throttle-limit", "25,32").Split(',').Select(Int).ToList();
    if (args.Contains("--pwsh"))
        PortfolioInPowerShell.Run(Int(PortfolioArg("tenants", "200")), Int(PortfolioArg("users", "400")), limits[0], Int(PortfolioArg("latency-ms", "100")), Int(PortfolioArg("runs", "3")));
    else
        PortfolioBench.Run(Int(PortfolioArg("tenants", "200")), Int(PortfolioArg("users", "400")), limits, Int(PortfolioArg("latency-ms", "100")), Int(PortfolioArg("runs", "3")));
    return 0;
}

if (args.Length > 1 && args[0] == "--import")
{
    ImportTiming.Run(int.Parse(args[1], CultureInfo.InvariantCulture));
    return 0;
}

string Arg(string name, string fallback) => Array.IndexOf(args, "--" + name) is var i && i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
var users = Arg("users", "100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var data = Arg("data", Path.Combine(Path.GetTempPath(), "ftbench"));
var runs = int.Parse(Arg("runs", "3"), CultureInfo.InvariantCulture);

// Issue 18: each report kind against the floor; a tenant's report sets read in parallel.
if (args.Length > 0 && args[0] is "--kinds" or "--sets")
{
    Console.WriteLine($"# FastTrack.Bench {args[0]} — {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {DateTime.UtcNow:yyyy-MM-dd}");
    if (args[0] == "--kinds") KindBench.Run(data, users, runs);
    else SetBench.Run(data, users, runs);
    return 0;
}

Console.WriteLine($"# FastTrack.Bench — {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {DateTime.UtcNow:yyyy-MM-dd}");
Console.WriteLine();
Console.WriteLine("| Approach | Users | MB read | Warm, best of " + runs + " (ms) | MB/s | Cold first pass (ms) | Peak working set (MB) | × Sylvan floor |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
var verdicts = new List<string>();
foreach (var count in users)
{
    var folder = ReportSet.Ensure(data, count);
    var results = new Dictionary<string, ApproachResult>();
    foreach (var approach in new[] { "sylvan", "csvhelper-linq", "ours" })
    {
        var best = Enumerable.Range(0, runs + 1).Select(_ => Child(approach, folder)).Skip(1) // the first child warms the disk cache
            .OrderBy(r => r.ElapsedMs).First();
        results[approach] = best;
    }
    var floor = results["sylvan"].ElapsedMs;
    foreach (var (name, r) in results)
    {
        Console.WriteLine($"| {name} | {count:N0} | {r.Bytes / 1048576.0:0} | {r.ElapsedMs:0} | {r.Bytes / 1048576.0 / (r.ElapsedMs / 1000):0} | {r.ColdMs:0} | {r.PeakWorkingSetMB:0} | {r.ElapsedMs / floor:0.00} |");
    }
    var ours = results["ours"];
    if (!ours.Active.OrderBy(k => k.Key).SequenceEqual(results["csvhelper-linq"].Active.OrderBy(k => k.Key)))
        verdicts.Add($"MISMATCH at {count:N0}: ours {JsonSerializer.Serialize(ours.Active)} vs CsvHelper+LINQ {JsonSerializer.Serialize(results["csvhelper-linq"].Active)}");
    verdicts.Add($"{count:N0} users: ours is {ours.ElapsedMs / floor:0.00}× the Sylvan floor (target ≤ 1.5×: {(ours.ElapsedMs / floor <= 1.5 ? "PASS" : "MISS")})" +
                 (count >= 1_000_000 ? $", peak working set {ours.PeakWorkingSetMB:0} MB (target ≤ 150 MB: {(ours.PeakWorkingSetMB <= 150 ? "PASS" : "MISS")})" : ""));
}
Console.WriteLine();
foreach (var verdict in verdicts) Console.WriteLine("- " + verdict);

// Cohorts: the users piped in (every tenth user, at most 100,000) against the largest set, all services.
var largest = ReportSet.Ensure(data, users.Max());
var cohort = Enumerable.Range(0, runs + 1).Select(_ => Child("cohort", largest)).Skip(1).OrderBy(r => r.ElapsedMs).First();
Console.WriteLine();
Console.WriteLine($"Cohort of {Math.Min(100_000, users.Max() / 10):N0} piped users against the {users.Max():N0}-user set, 7 services: " +
                  $"{cohort.ElapsedMs:0} ms warm ({cohort.ColdMs:0} ms cold), peak working set {cohort.PeakWorkingSetMB:0} MB.");
return 0;

static ApproachResult Child(string approach, string folder)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
    // Run as `dotnet FastTrack.Bench.dll`, the child needs the dll; run as the apphost, it does not.
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(ReportSet).Assembly.Location);
    foreach (var arg in new[] { "--child", approach, folder }) start.ArgumentList.Add(arg);
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return JsonSerializer.Deserialize<ApproachResult>(output.Trim().Split('\n').Last())!;
}
