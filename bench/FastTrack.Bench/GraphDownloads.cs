using System.Diagnostics;
using System.Security;
using FastTrack.Core.Connections;
using FastTrack.Core.Graph;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;
using FastTrack.Core.Workspaces;

namespace FastTrack.Bench;

/// <summary>Issue 18: one tenant's seven reports through the real Graph client against the emulator with a
/// latency per request and one link of capped bandwidth, measured for all seven services as a live run does.
/// Modes, interleaved run after run so the machine's noise falls on all of them: the path before issue 18
/// (download whole, then parse, one report after another), streaming one report after another (this branch
/// with today's SourceReadings), and streaming with the reports asked for at once (SourceReadings' part of
/// issue 18, stood in for by <see cref="OpenedAtOnce"/>), with 4 (the default) and 7 downloads in flight.</summary>
internal static class GraphDownloads
{
    private static readonly M365Service[] Services =
    {
        M365Service.Teams, M365Service.Yammer, M365Service.OutlookMobile, M365Service.OneDrive,
        M365Service.SharePoint, M365Service.Exchange, M365Service.Microsoft365Apps,
    };

    // InFlight: downloads at once; one report after another has one at a time, whatever the connection allows.
    private sealed record Mode(string Name, int InFlight, bool AtOnce, Func<IUsageDataSource, IUsageDataSource> Wrap);

    private sealed record Sample(double Seconds, long Bytes, string Active);

    public static void Run(int users, int runs, int latencyMs, int megabytesPerSecond)
    {
        var token = "bench-" + Guid.NewGuid().ToString("N");
        Console.Error.WriteLine($"Starting the emulator: {users:N0} users, {latencyMs} ms, {megabytesPerSecond} MB/s (making the reports)...");
        using var emulator = new EmulatorProcess("--users", users, "--last-day", "2026-11-22", "--token", token,
            "--latency-ms", latencyMs, "--bandwidth-mb-per-s", megabytesPerSecond, "--warm");
        var kinds = ReportSet.Kinds;
        var modes = new[]
        {
            new Mode("download, then parse; one report after another (before)", 4, false, s => new DownloadThenParse(s)),
            new Mode("streamed; one report after another", 4, false, s => s),
            new Mode("streamed; reports asked for at once", 4, true, s => new OpenedAtOnce(s, kinds)),
            new Mode("streamed; reports asked for at once", 7, true, s => new OpenedAtOnce(s, kinds)),
        };
        foreach (var mode in modes) Once(emulator.Endpoint, token, mode); // loads and JIT-compiles; not counted
        var samples = modes.ToDictionary(m => m, _ => new List<Sample>());
        for (var run = 0; run < runs; run++)
        {
            foreach (var mode in modes) samples[mode].Add(Once(emulator.Endpoint, token, mode));
            Console.Error.WriteLine($"run {run + 1} of {runs}: " + string.Join(", ", modes.Select(m => $"{samples[m][^1].Seconds:0.00} s")));
        }

        var bytes = samples.Values.First()[0].Bytes;
        var latency = latencyMs / 1000.0;
        var transfer = bytes / (megabytesPerSecond * 1_000_000.0);
        var ideal = transfer + 2 * latency;
        var sequentialFloor = transfer + (2 * kinds.Length + 1) * latency;
        var answers = samples.Values.SelectMany(s => s).Select(s => s.Active).Distinct().ToList();
        Console.WriteLine($"{users:N0} users, {kinds.Length} reports, {bytes / 1e6:0.0} MB; {latencyMs} ms per request, {megabytesPerSecond} MB/s; median of {runs} runs each, interleaved.");
        Console.WriteLine($"Ideal: {bytes / 1e6:0.0} MB ÷ {megabytesPerSecond} MB/s = {transfer:0.00} s, + 2 × {latencyMs} ms (the first report's call and its download) = {ideal:0.00} s.");
        Console.WriteLine();
        Console.WriteLine("| Mode | Downloads in flight | Median (s) | Fastest–slowest (s) | × ideal |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var mode in modes)
        {
            var seconds = samples[mode].Select(s => s.Seconds).OrderBy(s => s).ToList();
            var median = seconds[seconds.Count / 2];
            Console.WriteLine($"| {mode.Name} | {(mode.AtOnce ? mode.InFlight : 1)} | {median:0.00} | {seconds[0]:0.00}–{seconds[^1]:0.00} | {median / ideal:0.00} |");
        }
        Console.WriteLine();
        Console.WriteLine($"One report after another cannot beat {sequentialFloor:0.00} s (the transfer, + 2 requests per report and subscribedSkus, each {latencyMs} ms).");
        Console.WriteLine(answers.Count == 1 ? $"Every run measured the same active users: {answers[0]}." : $"MISMATCH between runs: {string.Join(" | ", answers)}");
    }

    private static Sample Once(Uri endpoint, string token, Mode mode)
    {
        var root = Path.Combine(Path.GetTempPath(), "ftbench-graph-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var request = new ConnectionRequest { Method = ConnectionMethod.AccessToken, AccessToken = Secure(token), GraphEndpoint = endpoint };
            using var connection = TenantConnector.Connect(request, new GraphOptions { MaxReportsInFlight = mode.InFlight });
            var workspace = new Workspace(root);
            var source = mode.Wrap(connection.UsageSource(workspace));
            var watch = Stopwatch.StartNew();
            var results = new ActiveUsageCalculator().Measure(source, Services, _ => new UsageGoal(10, null, UsageBasis.PaidUnits));
            watch.Stop();
            if (results.Where(r => !r.Succeeded).Select(r => r.Error).FirstOrDefault() is { } failed) throw failed.ToException();
            var bytes = Directory.GetFiles(workspace.CacheDirectory, "*.csv", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            return new Sample(watch.Elapsed.TotalSeconds, bytes, string.Join(" ", results.Select(r => $"{r.Value!.Service}={r.Value.ActiveUsers}")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    internal static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
