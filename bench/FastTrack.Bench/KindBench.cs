using System.Diagnostics;
using FastTrack.Core.UsageReports;

namespace FastTrack.Bench;

/// <summary>Issue 18, goal 1: each report kind alone against the floor (Sylvan reading every field of the same
/// file). Each figure is the median of the runs, each run a process of its own; the approaches of one run go one
/// after the other, so the machine's load at the moment weighs on all of them alike. Two figures per cell: the
/// warm pass (the second, as in the issue-4 table) and the steady state (the median of three more).</summary>
internal static class KindBench
{
    public static void Run(string data, IReadOnlyList<int> users, int runs)
    {
        // scan: CsvReportRows (Sylvan), what one reader uses; scan-utf8: Utf8CsvRows, what reads a file on disk when
        // there are two readers or more.
        var approaches = new[] { "sylvan", "scan", "scan-utf8", "measure" };
        foreach (var count in users)
        {
            Console.WriteLine();
            Console.WriteLine($"### {count:N0} users (median of {runs} runs; each cell: warm pass · steady state)");
            Console.WriteLine();
            Console.WriteLine("| Report | MB | Floor (ms) | Scan through Sylvan, 1 thread (ms) | × floor | Scan through Utf8CsvRows, 1 thread (ms) | × floor | Measured from a folder holding it (ms) | × floor | Peak WS scan / measured (MB) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var kind in KindSets.Kinds)
            {
                var folder = KindSets.Folder(data, count, ReportDefinition.For(kind).GraphFunction, new[] { kind });
                var results = Measure(approaches, folder, runs);
                var floor = results["sylvan"];
                var scan = results["scan"];
                var utf8 = results["scan-utf8"];
                var measure = results["measure"];
                var measured = measure.Active.Count > 0;
                Console.WriteLine($"| {kind} | {scan.Bytes / 1048576.0:0} | {Ms(floor)} | {Ms(scan)} | {Ratio(scan, floor)} | {Ms(utf8)} | {Ratio(utf8, floor)} | " +
                                  (measured ? $"{Ms(measure)} | {Ratio(measure, floor)}" : "not measured alone (read only as the Apps licences) | –") +
                                  $" | {scan.PeakWorkingSetMB:0} / {(measured ? $"{measure.PeakWorkingSetMB:0}" : "–")} |");
            }
        }
    }

    public static string Ms(ApproachResult r) => $"{r.ElapsedMs:0} · {r.SteadyMs:0}";

    /// <summary>Warm · steady, by the wall clock; then, in brackets, steady by CPU time (the work, whatever the load).</summary>
    public static string Ratio(ApproachResult r, ApproachResult floor) =>
        $"{r.ElapsedMs / floor.ElapsedMs:0.00} · {r.SteadyMs / floor.SteadyMs:0.00} ({r.SteadyCpuMs / floor.SteadyCpuMs:0.00} CPU)";

    /// <summary>Each approach's median run (by steady time); the runs interleave the approaches. Every run of an
    /// approach must count the same (a mismatch stops the bench).</summary>
    public static Dictionary<string, ApproachResult> Measure(IReadOnlyList<string> approaches, string folder, int runs)
    {
        var all = approaches.ToDictionary(a => a, _ => new List<ApproachResult>());
        foreach (var approach in approaches) Child(approach, folder); // warms the disk cache
        for (var run = 0; run < runs; run++)
            foreach (var approach in approaches) all[approach].Add(Child(approach, folder));
        foreach (var (approach, list) in all)
            if (list.Any(r => !r.Active.OrderBy(p => p.Key).SequenceEqual(list[0].Active.OrderBy(p => p.Key))))
                throw new InvalidOperationException($"{approach} on {folder} counted differently from run to run");
        return all.ToDictionary(a => a.Key, a => Median(a.Value));
    }

    // The median of each figure on its own: a run slowed by another process's build moves one figure, not the row.
    private static ApproachResult Median(List<ApproachResult> runs)
    {
        double Of(Func<ApproachResult, double> figure) => runs.Select(figure).OrderBy(v => v).ElementAt(runs.Count / 2);
        return runs[0] with { ElapsedMs = Of(r => r.ElapsedMs), ColdMs = Of(r => r.ColdMs), SteadyMs = Of(r => r.SteadyMs), SteadyCpuMs = Of(r => r.SteadyCpuMs), PeakWorkingSetMB = runs.Max(r => r.PeakWorkingSetMB) };
    }

    public static ApproachResult Child(string approach, string folder)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(KindBench).Assembly.Location);
        foreach (var arg in new[] { "--child", approach, folder }) start.ArgumentList.Add(arg);
        start.Environment["FTBENCH_STEADY"] = Environment.GetEnvironmentVariable("FTBENCH_STEADY") ?? "3";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{approach} on {folder} failed: {output}");
        return System.Text.Json.JsonSerializer.Deserialize<ApproachResult>(output.Trim().Split('\n').Last())!;
    }
}
