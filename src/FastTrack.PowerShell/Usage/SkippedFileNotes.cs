using System.Management.Automation;
using FastTrack.Core.Usage;

namespace FastTrack.PowerShell.Usage;

/// <summary>Names the files a report folder scan passed over. A file that may be a report the module could not
/// read (empty, not a regular file, binary, UTF-16 without a byte order mark) is a warning: a service it would
/// have measured is then measured from another report or fails, and the user should see why without -Verbose.
/// It is not an error, because the reports that were read still give right numbers, and a folder where nothing
/// is left to read is already an error (ReportsNotFound) naming every file. A readable file that is simply not
/// a report this module reads (a counts report, other JSON) is routine: -Verbose.</summary>
internal static class SkippedFileNotes
{
    public static void Write(Cmdlet cmdlet, IUsageDataSource source)
    {
        if (source is not FolderUsageSource folder) return;
        foreach (var skipped in folder.Skipped)
        {
            var note = $"Skipped '{skipped.Path}': {skipped.Why}.";
            if (skipped.Unreadable) cmdlet.WriteWarning(note);
            else cmdlet.WriteVerbose(note);
        }
    }
}
