using System;
using System.IO;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Graph;

/// <summary>Downloaded reports, per tenant, report and day, under the workspace's cache folder. Reports
/// change once a day and Graph allows about 14 report calls per 10 minutes, so a report fetched today
/// (period D30) or for a given date is read from here the next time. The files name users, so they are
/// owner-only, like plans.</summary>
public sealed class ReportCache
{
    public ReportCache(Workspace workspace) => Directory = workspace.CacheDirectory;

    public string Directory { get; }

    /// <summary>The cache file of a report: the date asked for, or the UTC day a D30 report was fetched.</summary>
    public string PathOf(Guid tenantId, string graphFunction, DateTime? day, DateTime utcToday) =>
        Path.Combine(Directory, tenantId.ToString("D"), day is { } d
            ? $"{graphFunction}.date-{d:yyyy-MM-dd}.csv"
            : $"{graphFunction}.{ReportRequests.Period}-fetched-{utcToday:yyyy-MM-dd}.csv");

    /// <summary>Copies a download into the cache; only a complete copy gets the final name.</summary>
    public static void Store(string path, Action<Stream> write)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".part-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920))
            {
                OwnerOnlyPermissions.ApplyToFile(temp);
                write(file);
            }
            if (File.Exists(path)) File.Delete(path);
            File.Move(temp, path);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
