using System.Collections.Generic;

namespace FastTrack.Core.Workspaces;

/// <summary>The report cache of a workspace that is not a folder (a blob container): downloaded reports are read
/// from a local copy as they arrive, and each whole report is kept in the container too, so that the other
/// runners (and the next run on another machine) find it there instead of spending Graph's report budget.
/// Names are relative to the cache: "&lt;tenant&gt;/&lt;file&gt;".</summary>
public interface IReportCacheShare
{
    /// <summary>Copies the shared report to <paramref name="localPath"/> (whole or not at all); false when it is not shared.</summary>
    bool TryFetch(string name, string localPath);

    /// <summary>The shared reports whose names start with <paramref name="prefix"/>.</summary>
    IEnumerable<string> List(string prefix);

    /// <summary>Shares a whole report (a second runner's copy of the same report and day is the same report: kept once).</summary>
    void Publish(string name, string localPath);
}
