using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FastTrack.Core.Errors;
using FastTrack.Core.Usage.Licensing;
using FastTrack.Core.Usage.Reports;

namespace FastTrack.Core.Usage;

/// <summary>A folder of report CSVs exported from the admin center or Graph, plus an optional
/// subscribedSkus JSON. Reports are recognised by their headers, not their file names (the admin
/// center adds dates to them). Two exports of different refresh dates or tenants in one folder are
/// refused: their numbers would not add up.</summary>
public sealed class FolderUsageSource : IUsageDataSource
{
    private readonly Dictionary<ReportKind, string> _reports = new();
    private readonly string? _skusPath;

    public FolderUsageSource(string folder)
    {
        Folder = Path.GetFullPath(folder);
        if (!Directory.Exists(Folder))
        {
            throw new FtError("ReportFolderNotFound", FtErrorKind.ObjectNotFound, Folder,
                $"The report folder '{Folder}' does not exist.").ToException();
        }
        var dates = new Dictionary<string, DateTime>();
        foreach (var file in Directory.GetFiles(Folder, "*.csv").OrderBy(f => f, StringComparer.Ordinal))
        {
            if (new FileInfo(file).Length == 0) continue; // not a report: even an empty one has its header
            using var rows = new CsvReportRows(File.OpenRead(file), file);
            var definition = ReportDefinition.Recognise(rows.Headers);
            if (definition is null) continue; // not a report this engine reads (a counts report, say)
            if (_reports.TryGetValue(definition.Kind, out var other))
            {
                throw new FtError("ReportsMixed", FtErrorKind.InvalidData, file,
                    $"'{Folder}' holds two {definition.GraphFunction} reports: '{Path.GetFileName(other)}' and '{Path.GetFileName(file)}'. Keep one export per folder.").ToException();
            }
            _reports[definition.Kind] = file;
            if (rows.Read() && rows.Get(rows.Headers.ToList().FindIndex(h => h.Equals(ReportDefinition.RefreshDate, StringComparison.OrdinalIgnoreCase))) is { } text
                && TryDate(text) is { } date)
            {
                dates[file] = date;
            }
        }
        if (dates.Values.Distinct().Count() > 1)
        {
            throw new FtError("ReportsMixed", FtErrorKind.InvalidData, Folder,
                $"The reports in '{Folder}' were refreshed on different dates: " +
                string.Join(", ", dates.Select(d => $"{Path.GetFileName(d.Key)} {d.Value:yyyy-MM-dd}")) + ". Export them together, into a folder of their own.").ToException();
        }
        RefreshDate = dates.Values.FirstOrDefault() is var first && dates.Count > 0 ? first : null;
        _skusPath = Directory.GetFiles(Folder, "*.json").OrderBy(f => f, StringComparer.Ordinal)
            .FirstOrDefault(f => File.ReadAllText(f).IndexOf("skuPartNumber", StringComparison.Ordinal) >= 0);
        if (_skusPath is not null)
        {
            var tenants = SubscribedSkus()!.Select(s => s.AccountId).Where(a => a != Guid.Empty).Distinct().ToList();
            if (tenants.Count > 1)
            {
                throw new FtError("ReportsMixed", FtErrorKind.InvalidData, _skusPath,
                    $"'{_skusPath}' lists subscriptions of {tenants.Count} tenants ({string.Join(", ", tenants)}); keep one tenant's data per folder.").ToException();
            }
            TenantId = tenants.Count == 1 ? tenants[0] : null;
        }
    }

    public string Folder { get; }
    public string Description => $"report folder {Folder}";
    public Guid? TenantId { get; }
    public string? Customer => null;
    public IReadOnlyCollection<ReportKind> Reports => _reports.Keys;
    /// <summary>The one refresh date of the folder's reports (null when they are all empty).</summary>
    public DateTime? RefreshDate { get; }

    public ReportContent? OpenReport(ReportKind kind, DateTime? asOf)
    {
        if (asOf is not null && RefreshDate is not null && asOf.Value.Date != RefreshDate)
        {
            // An export is of one day; quietly answering another day's question would be wrong.
            throw new FtError("ReportDateNotAvailable", FtErrorKind.ObjectNotFound, Folder,
                $"The reports in '{Folder}' are of {RefreshDate:yyyy-MM-dd}, not {asOf:yyyy-MM-dd}. Export that day's reports into a folder of their own, or leave out -AsOf.").ToException();
        }
        if (!_reports.TryGetValue(kind, out var path)) return null;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return new ReportContent(stream, path, stream.Length);
    }

    // A bad date is the scanner's to report, with its line; here it only must not decide anything.
    private static DateTime? TryDate(string text)
    {
        try { return ReportValues.ParseDate(text); }
        catch (FormatException) { return null; }
    }

    public IReadOnlyList<SubscribedSku>? SubscribedSkus() =>
        _skusPath is null ? null : SubscribedSkuParser.Parse(File.ReadAllText(_skusPath), _skusPath);
}
