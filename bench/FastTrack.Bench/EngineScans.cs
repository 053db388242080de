using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;

namespace FastTrack.Bench;

/// <summary>The engine's own paths over a folder, for the per-kind and per-set tables (issue 18).</summary>
internal static class EngineScans
{
    /// <summary>Each file read as a measurement reads one report, one after the other on this thread: the CSV
    /// reader and the scanner, nothing else.</summary>
    public static Dictionary<string, long> Sequential(IEnumerable<string> files, bool partsReader = false)
    {
        var result = new Dictionary<string, long>();
        foreach (var file in files)
        {
            // partsReader: the reader a large report's parts are read with (Utf8CsvRows), over the whole file.
            using IReportRows rows = partsReader ? new Utf8CsvRows(File.OpenRead(file), file) : new CsvReportRows(File.OpenRead(file), file);
            var definition = ReportDefinition.Recognise(rows.Headers) ?? throw new InvalidOperationException($"{file} is no report");
            var scan = ReportScanner.Scan(rows, definition);
            foreach (var (service, tally) in scan.Tallies) result[$"{scan.Kind}/{service}"] = tally.Active * 1_000_000_000L + tally.Licensed;
        }
        return result;
    }

    /// <summary>ActiveUsageCalculator over the folder, for every service its reports count, on the paid-units basis;
    /// <paramref name="readers"/> threads (null: the default, one per core).</summary>
    public static Dictionary<string, long> Measure(string folder, int? readers = null)
    {
        var source = new FolderUsageSource(folder);
        var services = source.Reports.SelectMany(k => ReportDefinition.For(k).Services).Distinct().OrderBy(s => s).ToList();
        if (services.Count == 0) return new Dictionary<string, long>();
        var calculator = new ActiveUsageCalculator();
        if (readers is { } n) calculator.Readers = n;
        return calculator.Measure(source, services, _ => new UsageGoal(10, null, UsageBasis.PaidUnits))
            .Select(o => o.Value ?? throw o.Error!.ToException()).ToDictionary(u => u.Service.ToString(), u => u.ActiveUsers);
    }

    /// <summary>Every report of the folder read as a measurement reads the reports it needs (SourceReadings, the
    /// folder source included), with <paramref name="readers"/> threads: the way to time a set whose every report a
    /// measurement would not read (the activations report is read only for the Apps licences).</summary>
    public static Dictionary<string, long> Readings(string folder, int readers, long partBytes = ReportParts.MinPartBytes)
    {
        var source = new FolderUsageSource(folder);
        var kinds = source.Reports.OrderBy(k => k).ToList();
        using var readings = new SourceReadings(source, null, null, FastTrack.Core.Time.SystemClock.Now, CancellationToken.None, readers, partBytes);
        readings.ReadAhead(r => kinds.ForEach(k => r.Report(k)));
        var result = new Dictionary<string, long>();
        foreach (var kind in kinds)
        {
            var scan = readings.Report(kind).Value ?? throw new InvalidOperationException($"{kind} not read");
            foreach (var (service, tally) in scan.Tallies) result[$"{kind}/{service}"] = tally.Active * 1_000_000_000L + tally.Licensed;
        }
        return result;
    }
}
