namespace FastTrack.Bench;

/// <summary>Issue 18, goal 2: a tenant's report set read by the engine, against the sum of its reports' floors
/// (Sylvan reading every field of each file, one after the other). Medians of interleaved runs, as KindBench.</summary>
internal static class SetBench
{
    public static void Run(string data, IReadOnlyList<int> users, int runs)
    {
        // readings: every report of the set read as a measurement reads them, one reader per core (a report of the
        // set a measurement would skip, the activations report on the paid-units basis, is read all the same).
        var approaches = new[] { "sylvan", "scan", "readings", "measure" };
        Console.WriteLine();
        Console.WriteLine($"Median of {runs} runs; each cell: warm pass · steady state.");
        Console.WriteLine();
        Console.WriteLine("| Set | Users | MB | Sum of floors (ms) | Ours, scans one after the other (ms) | × | Ours, every report at once (ms) | × | Ours, measured (ms) | × | Peak WS at once / measured (MB) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var count in users)
        {
            foreach (var (name, kinds) in KindSets.Sets)
            {
                var folder = KindSets.Folder(data, count, name, kinds);
                var results = KindBench.Measure(approaches, folder, runs);
                var floor = results["sylvan"];
                var scan = results["scan"];
                var measure = results["measure"];
                var readings = results["readings"];
                Console.WriteLine($"| {name} | {count:N0} | {scan.Bytes / 1048576.0:0} | {KindBench.Ms(floor)} | {KindBench.Ms(scan)} | {KindBench.Ratio(scan, floor)} | " +
                                  $"{KindBench.Ms(readings)} | {KindBench.Ratio(readings, floor)} | {KindBench.Ms(measure)} | {KindBench.Ratio(measure, floor)} | {readings.PeakWorkingSetMB:0} / {measure.PeakWorkingSetMB:0} |");
            }
        }
    }
}
