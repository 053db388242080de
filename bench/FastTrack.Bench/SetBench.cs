namespace FastTrack.Bench;

/// <summary>Issue 18, goal 2: a tenant's report set read by the engine, against the sum of its reports' floors
/// (Sylvan reading every field of each file, one after the other). Medians of interleaved runs, as KindBench.</summary>
internal static class SetBench
{
    public static void Run(string data, IReadOnlyList<int> users, int runs)
    {
        var approaches = new[] { "sylvan", "scan", "measure" };
        Console.WriteLine();
        Console.WriteLine($"Median of {runs} runs; each cell: warm pass · steady state.");
        Console.WriteLine();
        Console.WriteLine("| Set | Users | MB | Sum of floors (ms) | Ours, scans one after the other (ms) | × | Ours, measured (ms) | × | Peak WS measured (MB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var count in users)
        {
            foreach (var (name, kinds) in KindSets.Sets)
            {
                var folder = KindSets.Folder(data, count, name, kinds);
                var results = KindBench.Measure(approaches, folder, runs);
                var floor = results["sylvan"];
                var scan = results["scan"];
                var measure = results["measure"];
                Console.WriteLine($"| {name} | {count:N0} | {scan.Bytes / 1048576.0:0} | {KindBench.Ms(floor)} | {KindBench.Ms(scan)} | {KindBench.Ratio(scan, floor)} | " +
                                  $"{KindBench.Ms(measure)} | {KindBench.Ratio(measure, floor)} | {measure.PeakWorkingSetMB:0} |");
            }
        }
    }
}
