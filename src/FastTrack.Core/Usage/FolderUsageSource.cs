using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FastTrack.Core.Licensing;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Usage;

/// <summary>A folder of report CSVs exported from the admin center or Graph (Graph's JSON for the reports it
/// serves as JSON: Microsoft 365 Copilot's), plus an optional subscribedSkus JSON. Reports are recognised by their headers, not their file names (the admin
/// center adds dates to them). Two exports of different refresh dates or tenants in one folder are
/// refused: their numbers would not add up. Only regular files are opened (ReportFolderFiles); the
/// others, and the files that are no report, are listed in Skipped; a folder where no report has a
/// user row is refused (ReportsNotFound).</summary>
public sealed class FolderUsageSource : IUsageDataSource
{
    private readonly Dictionary<ReportKind, string> _reports = new();
    private readonly List<SkippedFile> _skipped = new();
    private readonly IReadOnlyList<SubscribedSku>? _skus;

    public FolderUsageSource(string folder)
    {
        Folder = Path.GetFullPath(folder);
        if (!Directory.Exists(Folder)) throw UsageErrors.ReportFolderNotFound(Folder).ToException();
        var (dates, empty) = FindReports();
        if (dates.Values.Distinct().Count() > 1)
        {
            throw ReportErrors.ReportsMixed(Folder, $"The reports in '{Folder}' were refreshed on different dates: " +
                string.Join(", ", dates.Select(d => $"{Path.GetFileName(d.Key)} {d.Value:yyyy-MM-dd}"))).ToException();
        }
        RefreshDate = dates.Count > 0 ? dates.Values.First() : null;
        if (FindSubscribedSkus() is { } skus)
        {
            _skus = SubscribedSkuParser.Parse(skus.Json, skus.Path);
            TenantId = TenantOf(_skus, skus.Path);
        }
        // Measured, a folder without one user row would print nothing at all.
        if (_reports.Count == empty.Count) throw UsageErrors.ReportsNotFound(Folder, _skipped.Where(s => s.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).Concat(empty).ToList()).ToException();
    }

    // The reports this module reads, one per kind, with the refresh date of each that has a user row; the
    // header-only ones apart.
    private (Dictionary<string, DateTime> Dates, List<SkippedFile> Empty) FindReports()
    {
        var dates = new Dictionary<string, DateTime>();
        var empty = new List<SkippedFile>();
        foreach (var file in ReportFolderFiles.List(Folder, "*.csv"))
        {
            using var rows = OpenCsv(file);
            if (rows is null) continue;
            var definition = ReportDefinition.Recognise(rows.Headers);
            if (definition is null)
            {
                // A counts report, a mailbox report, anyone's CSV: readable, just not one this module reads.
                _skipped.Add(new SkippedFile(file, $"not a user-detail report this module reads (its first columns: {string.Join(", ", rows.Headers.Take(4))})", false));
                continue;
            }
            Register(file, definition, rows, dates, empty);
        }
        // Graph's JSON reports (Microsoft 365 Copilot's, saved from Graph): known by their users' property names.
        foreach (var file in ReportFolderFiles.List(Folder, "*.json"))
        {
            if (ReportFolderFiles.WhyNotRegular(file) is not null || JsonReportOf(file) is not { } definition) continue;
            using var rows = new JsonReportRows(ReportFolderFiles.OpenRead(file), file, definition);
            Register(file, definition, rows, dates, empty);
        }
        return (dates, empty);
    }

    private void Register(string file, ReportDefinition definition, IReportRows rows, Dictionary<string, DateTime> dates, List<SkippedFile> empty)
    {
        if (_reports.TryGetValue(definition.Kind, out var other))
        {
            throw ReportErrors.ReportsMixed(file,
                $"'{Folder}' holds two {definition.GraphFunction} reports: '{Path.GetFileName(other)}' and '{Path.GetFileName(file)}'").ToException();
        }
        _reports[definition.Kind] = file;
        var refreshColumn = rows.Headers.ToList().FindIndex(h => h.Equals(ReportDefinition.RefreshDate, StringComparison.OrdinalIgnoreCase));
        if (refreshColumn < 0) throw ReportErrors.ReportColumnMissing(file, definition.GraphFunction, ReportDefinition.RefreshDate, rows.Headers).ToException();
        // A header-only report stays: measuring its services says so (ReportEmpty), rather than a report missing.
        if (!rows.Read()) empty.Add(new SkippedFile(file, $"{definition.GraphFunction} with its header and no user rows", true));
        else if (TryDate(rows.Get(refreshColumn)) is { } date) dates[file] = date;
    }

    // The JSON report whose signature properties the file's first 64 KB name ("copilotChatLastActivityDate"...), or null.
    private static ReportDefinition? JsonReportOf(string file)
    {
        var head = new char[64 * 1024];
        int length;
        using (var reader = new StreamReader(ReportFolderFiles.OpenRead(file)))
        {
            try { length = reader.ReadBlock(head, 0, head.Length); }
            catch (IOException ex) { throw ReportErrors.ReportFileUnreadable(file, ex).ToException(); }
        }
        var text = new string(head, 0, length);
        return ReportDefinition.All.FirstOrDefault(d => d.IsJson && d.Signature.All(header =>
            d.JsonFields.FirstOrDefault(f => f.Header == header) is { } field && text.IndexOf($"\"{field.JsonName}\"", StringComparison.OrdinalIgnoreCase) >= 0));
    }

    // The subscriptions name their tenant: one folder, one tenant.
    private static Guid? TenantOf(IReadOnlyList<SubscribedSku> skus, string path)
    {
        var tenants = skus.Select(s => s.AccountId).Where(a => a != Guid.Empty).Distinct().ToList();
        if (tenants.Count > 1)
            throw ReportErrors.ReportsMixed(path, $"'{path}' lists subscriptions of {tenants.Count} tenants ({string.Join(", ", tenants)})").ToException();
        return tenants.Count == 1 ? tenants[0] : null;
    }

    // Enough to read a header and a first row (longer ones grow the reader's buffer).
    private const int SniffBytes = 4096;

    // The CSV's rows, or null with the file noted as passed over. Errors only for a file that may be a report
    // but cannot be read (permission, I/O, a damaged header): guessing past it could change a number.
    private CsvReportRows? OpenCsv(string file)
    {
        if (ReportFolderFiles.WhyNotRegular(file) is { } notRegular)
        {
            _skipped.Add(new SkippedFile(file, notRegular, true));
            return null;
        }
        var stream = ReportFolderFiles.OpenRead(file, SniffBytes);
        if (ReportFolderFiles.WhyNotText(stream) is { } notText)
        {
            stream.Dispose();
            _skipped.Add(new SkippedFile(file, notText, true));
            return null;
        }
        try
        {
            return new CsvReportRows(stream, file, SniffBytes);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    // The first JSON (by name) that is a subscribedSkus answer.
    private (string Path, string Json)? FindSubscribedSkus()
    {
        foreach (var file in ReportFolderFiles.List(Folder, "*.json"))
        {
            if (ReportFolderFiles.WhyNotRegular(file) is { } notRegular)
            {
                _skipped.Add(new SkippedFile(file, notRegular, true));
                continue;
            }
            if (_reports.ContainsValue(file)) continue; // a JSON report
            var json = ReportFolderFiles.ReadAllText(file);
            if (json.IndexOf("skuPartNumber", StringComparison.Ordinal) >= 0) return (file, json);
            _skipped.Add(new SkippedFile(file, "not the subscribedSkus JSON (no skuPartNumber in it)", false));
        }
        return null;
    }

    public string Folder { get; }
    public string Description => $"report folder {Folder}";
    public Guid? TenantId { get; }
    public string? Customer => null;
    public IReadOnlyCollection<ReportKind> Reports => _reports.Keys;
    /// <summary>The files passed over, each with why: the cmdlets name them (a warning or -Verbose).</summary>
    public IReadOnlyList<SkippedFile> Skipped => _skipped;
    /// <summary>The one refresh date of the folder's reports (null when they are all empty).</summary>
    public DateTime? RefreshDate { get; }

    public ReportContent? OpenReport(ReportKind kind, DateTime? asOf)
    {
        if (asOf is not null && RefreshDate is not null && asOf.Value.Date != RefreshDate)
        {
            // An export is of one day; quietly answering another day's question would be wrong.
            throw UsageErrors.ReportDateNotAvailable(Folder, RefreshDate.Value, asOf.Value).ToException();
        }
        if (!_reports.TryGetValue(kind, out var path)) return null;
        var stream = ReportFolderFiles.OpenRead(path);
        return new ReportContent(stream, path, stream.Length);
    }

    // A bad date is the scanner's to report, with its line; here it only must not decide anything.
    private static DateTime? TryDate(string? text)
    {
        try { return ReportValues.ParseDate(text.AsSpan()); }
        catch (FormatException) { return null; }
    }

    public IReadOnlyList<SubscribedSku>? SubscribedSkus() => _skus;
}
