using System;
using System.IO;
using System.Linq;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Graph;

/// <summary>Downloaded reports, per tenant, report and day, under the workspace's cache folder. Reports
/// change once a day and Graph allows about 14 report calls per 10 minutes, so a report fetched today
/// (period D30) is read from here the next time, and a past date is measured only from a report fetched then. The files name users, so they are
/// owner-only, like plans.</summary>
public sealed class ReportCache
{
    public ReportCache(Workspace workspace) => Directory = workspace.CacheDirectory;

    public string Directory { get; }

    /// <summary>The cache file of a report fetched (period D30) on a UTC day.</summary>
    public string PathOf(Guid tenantId, string graphFunction, DateTime fetchedUtcDay) =>
        Path.Combine(Directory, tenantId.ToString("D"), $"{graphFunction}.{ReportRequests.Period}-fetched-{fetchedUtcDay:yyyy-MM-dd}.{Extension(graphFunction)}");

    // A report Graph serves as JSON is cached as its pages, one after another.
    private static string Extension(string graphFunction) =>
        UsageReports.ReportDefinition.All.Any(d => d.IsJson && d.GraphFunction == graphFunction) ? "json" : "csv";

    /// <summary>A D30 report fetched on or after <paramref name="refreshDate"/> whose refresh date is that day:
    /// the only 28-day figure Graph ever gave for a past date (a date= request returns one day's activity).
    /// Null when the cache has none.</summary>
    public string? FindByRefreshDate(Guid tenantId, string graphFunction, DateTime refreshDate)
    {
        var folder = Path.Combine(Directory, tenantId.ToString("D"));
        if (!System.IO.Directory.Exists(folder)) return null;
        var prefix = $"{graphFunction}.{ReportRequests.Period}-fetched-";
        return System.IO.Directory.EnumerateFiles(folder, prefix + "*." + Extension(graphFunction))
            .Where(f => string.CompareOrdinal(Path.GetFileNameWithoutExtension(f).Substring(prefix.Length), refreshDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) >= 0)
            .OrderBy(f => f, StringComparer.Ordinal)
            .FirstOrDefault(f => RefreshDateOf(f, graphFunction) == refreshDate.Date);
    }

    private static DateTime? RefreshDateOf(string path, string graphFunction)
    {
        try
        {
            var definition = UsageReports.ReportDefinition.All.First(d => d.GraphFunction == graphFunction);
            using var rows = UsageReports.ReportRows.Open(File.OpenRead(path), path, definition);
            var column = Array.FindIndex(rows.Headers.ToArray(), h => h == UsageReports.ReportDefinition.RefreshDate);
            return column >= 0 && rows.Read() ? UsageReports.ReportValues.ParseDate(rows.Get(column).AsSpan()) : null;
        }
        catch (Exception ex) when (ex is IOException || ex is FormatException || ex is Errors.FtException)
        {
            return null; // an unreadable cache file is no 28-day figure
        }
    }

    /// <summary>The cache file a download streams into, owner-only (reports name users): only a whole body gets
    /// the final name (<see cref="PendingFile.Commit"/>); its bytes are readable as they arrive.</summary>
    internal static PendingFile Begin(string path)
    {
        try
        {
            OwnerOnlyPermissions.CreateDirectory(Path.GetDirectoryName(path)!);
            return PendingFile.Readable(path);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            throw GraphErrors.ReportCacheNotWritable(path, ex.Message).ToException();
        }
    }
}
