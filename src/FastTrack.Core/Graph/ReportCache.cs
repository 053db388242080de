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
    private readonly IReportCacheShare? _share;

    public ReportCache(Workspace workspace)
    {
        Directory = workspace.CacheDirectory;
        _share = Stores.WorkspaceStorage.ReportCacheShare(workspace);
    }

    /// <summary>The cache folder: the workspace's own, or for a blob container this machine's copy of its cache.</summary>
    public string Directory { get; }

    /// <summary>Fetches the report from the container's cache when this machine has no copy: another runner may
    /// have downloaded it today. Nothing to do for a folder workspace.</summary>
    internal void Pull(string path)
    {
        if (_share is null || File.Exists(path)) return;
        OwnerOnlyPermissions.CreateDirectory(Path.GetDirectoryName(path)!);
        _share.TryFetch(NameOf(path), path);
    }

    /// <summary>Shares a whole downloaded report through the container (a blob workspace); failures are only logged:
    /// the report is in this machine's cache, and another runner downloads its own.</summary>
    internal void Publish(string path, Action<string>? log)
    {
        if (_share is null) return;
        try { _share.Publish(NameOf(path), path); }
        catch (Errors.FtException ex) { log?.Invoke($"The report could not be shared through the workspace: {ex.Error.Message}"); }
    }

    private string NameOf(string path) => path.Substring(Directory.Length).TrimStart(Path.DirectorySeparatorChar, '/').Replace(Path.DirectorySeparatorChar, '/');

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
        var prefix = $"{graphFunction}.{ReportRequests.Period}-fetched-";
        if (_share is not null)
        {
            foreach (var name in _share.List($"{tenantId:D}/{prefix}")) Pull(Path.Combine(Directory, name.Replace('/', Path.DirectorySeparatorChar)));
        }
        if (!System.IO.Directory.Exists(folder)) return null;
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
