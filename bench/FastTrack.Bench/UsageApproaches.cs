using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;

namespace FastTrack.Bench;

public sealed record ApproachResult(double ElapsedMs, double ColdMs, long Bytes, double PeakWorkingSetMB, Dictionary<string, long> Active, double SteadyMs = 0, double SteadyCpuMs = 0);

/// <summary>The three ways of reading the same report set, each run in a process of its own so its peak
/// working set is its own.</summary>
internal static class UsageApproaches
{
    public static ApproachResult Run(string approach, string folder)
    {
        var files = Directory.GetFiles(folder, "*.csv").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var bytes = files.Sum(f => new FileInfo(f) is var info && info.LinkTarget is not null ? ((FileInfo)info.ResolveLinkTarget(true)!).Length : info.Length);
        Dictionary<string, long> Once() => approach switch
        {
            "sylvan" => SylvanFloor(files),
            "csvhelper-linq" => CsvHelperLinq(files),
            "cohort" => Cohort(folder),
            "scan" => EngineScans.Sequential(files),
            "scan-utf8" => EngineScans.Sequential(files, partsReader: true),
            "measure" => EngineScans.Measure(folder),
            "measure-1" => EngineScans.Measure(folder, readers: 1),
            "readings" => EngineScans.Readings(folder, Environment.ProcessorCount),
            "readings-whole" => EngineScans.Readings(folder, Environment.ProcessorCount, long.MaxValue),
            "readings-1" => EngineScans.Readings(folder, 1),
            _ => Ours(folder),
        };
        // A first pass JIT-compiles and loads what each approach needs; the second, timed, is the steady state
        // (the cold first pass is also reported).
        var cold = Stopwatch.StartNew();
        Once();
        cold.Stop();
        // Each later pass starts from a collected heap (large objects included): the peak working set is one pass's,
        // not one pass's plus the garbage of the passes before it, which a process measuring once never holds.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var watch = Stopwatch.StartNew();
        var active = Once();
        watch.Stop();
        // FTBENCH_STEADY=n: n more passes, their median the steady state. One pass JIT-compiles the code at tier 0;
        // a method called once per report (the scan's loop) reaches its final code only in a later pass. Each pass
        // also gives the CPU time the process spent in it: on a machine others load, the wall time of a pass grows
        // with their load, its CPU time hardly (for an approach on one thread, its work).
        var steady = Enumerable.Range(0, int.TryParse(Environment.GetEnvironmentVariable("FTBENCH_STEADY"), out var n) ? n : 0).Select(_ =>
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var me = Process.GetCurrentProcess();
            var cpu = me.TotalProcessorTime;
            var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var pass = Stopwatch.StartNew();
            Once();
            pass.Stop();
            me.Refresh();
            var cpuMs = (me.TotalProcessorTime - cpu).TotalMilliseconds;
            if (Environment.GetEnvironmentVariable("FTBENCH_VERBOSE") is not null) Console.Error.WriteLine($"pass {pass.Elapsed.TotalMilliseconds:0} cpu {cpuMs:0} gc {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3} allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:0.0} MB");
            return (Wall: pass.Elapsed.TotalMilliseconds, Cpu: cpuMs);
        }).ToList();
        var wall = steady.Select(p => p.Wall).OrderBy(ms => ms).ToList();
        var cpuTimes = steady.Select(p => p.Cpu).OrderBy(ms => ms).ToList();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return new ApproachResult(watch.Elapsed.TotalMilliseconds, cold.Elapsed.TotalMilliseconds, bytes, self.PeakWorkingSet64 / 1048576.0, active,
            wall.Count > 0 ? wall[wall.Count / 2] : 0, cpuTimes.Count > 0 ? cpuTimes[cpuTimes.Count / 2] : 0);
    }

    // The parse floor: every field of every row read, nothing computed.
    private static Dictionary<string, long> SylvanFloor(IEnumerable<string> files)
    {
        long fields = 0;
        foreach (var file in files)
        {
            using var reader = Sylvan.Data.Csv.CsvDataReader.Create(file);
            while (reader.Read())
                for (var i = 0; i < reader.FieldCount; i++) fields += reader.GetFieldSpan(i).Length;
        }
        return new Dictionary<string, long> { ["fieldChars"] = fields };
    }

    // What a developer would write first: every row into a dynamic record, then LINQ.
    private static Dictionary<string, long> CsvHelperLinq(IEnumerable<string> files)
    {
        var result = new Dictionary<string, long>();
        foreach (var file in files)
        {
            using var reader = new StreamReader(file);
            using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
            var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
            if (rows.Count == 0) continue;
            var refresh = DateTime.Parse((string)rows[0]["Report Refresh Date"], CultureInfo.InvariantCulture);
            var from = refresh.AddDays(-27);
            var service = ServiceOf(Path.GetFileNameWithoutExtension(file));
            result[service] = rows.Count(r =>
                !(r.TryGetValue("Is Deleted", out var deleted) && string.Equals((string)deleted, "True", StringComparison.OrdinalIgnoreCase))
                && !(r.TryGetValue("User State", out var state) && string.Equals((string)state, "deleted", StringComparison.OrdinalIgnoreCase))
                && DateTime.TryParse((string)r["Last Activity Date"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var last) && last >= from && last <= refresh
                && (service != nameof(M365Service.OutlookMobile) || !string.IsNullOrEmpty((string)r["Outlook For Mobile"])));
        }
        return result;
    }

    // 100,000 users piped in (every tenth user of the set), measured for every service.
    private static Dictionary<string, long> Cohort(string folder)
    {
        var members = File.ReadLines(Path.Combine(folder, "getTeamsUserActivityUserDetail.csv")).Skip(1)
            .Select(line => line.Split(',')[2]).Where((_, i) => i % 10 == 0).Take(100_000)
            .Select(upn => new FastTrack.Core.Usage.People.CohortMember(upn, null)).ToList();
        return FastTrack.Core.Usage.People.CohortMeasurement.Measure(new FolderUsageSource(folder), members, Enum.GetValues<M365Service>(), null, _ => 10)
            .ToDictionary(u => u.Service.ToString(), u => (long)u.Active);
    }

    private static Dictionary<string, long> Ours(string folder)
    {
        var services = Enum.GetValues<M365Service>();
        return new ActiveUsageCalculator().Measure(new FolderUsageSource(folder), services, _ => new UsageGoal(10, null, UsageBasis.PaidUnits))
            .Select(o => o.Value ?? throw o.Error!.ToException()).ToDictionary(u => u.Service.ToString(), u => u.ActiveUsers);
    }

    private static string ServiceOf(string function) => function switch
    {
        "getTeamsUserActivityUserDetail" => nameof(M365Service.Teams),
        "getYammerActivityUserDetail" => nameof(M365Service.Yammer),
        "getEmailAppUsageUserDetail" => nameof(M365Service.OutlookMobile),
        "getOneDriveActivityUserDetail" => nameof(M365Service.OneDrive),
        "getSharePointActivityUserDetail" => nameof(M365Service.SharePoint),
        "getEmailActivityUserDetail" => nameof(M365Service.Exchange),
        _ => nameof(M365Service.Microsoft365Apps),
    };
}
