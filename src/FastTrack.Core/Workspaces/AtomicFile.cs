using System;
using System.IO;
using System.Text;

namespace FastTrack.Core.Workspaces;

/// <summary>Writes a file so that a reader (or a crash) only ever sees the old or the new content:
/// the bytes go to a temporary file in the same folder, are flushed to disk, and the temporary file is
/// renamed over the target. The previous content is kept as a backup (a hard link on Unix) when asked.
/// Plan files are owner-only; exports (calendars, reports) keep the folder's normal permissions.</summary>
public static class AtomicFile
{
    private const string TempMarker = ".tmp-";

    public static void Write(string path, string content, string? backupPath = null, bool ownerOnly = true) =>
        Write(path, stream =>
        {
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
            stream.Write(bytes, 0, bytes.Length);
        }, backupPath, ownerOnly);

    /// <summary>Writes what <paramref name="write"/> puts in the stream (a download, as it arrives); if it throws,
    /// the target is untouched and the temporary file is gone.</summary>
    public static void Write(string path, Action<Stream> write, string? backupPath = null, bool ownerOnly = true)
    {
        var temp = path + TempMarker + Guid.NewGuid().ToString("N").Substring(0, 12);
        try
        {
            // Owner-only from the instant it exists (creat with mode 0600): a chmod after the create would
            // leave a moment in which another user could open it and read what is written later.
            if (ownerOnly) OwnerOnlyPermissions.CreateFile(temp);
            using (var stream = new FileStream(temp, ownerOnly ? FileMode.OpenOrCreate : FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920))
            {
                write(stream);
                // On disk before the rename, so a crash never leaves the new name on bytes that were not written.
                stream.Flush(flushToDisk: true);
            }
            if (File.Exists(path)) File.Replace(temp, path, backupPath, ignoreMetadataErrors: true);
            else File.Move(temp, path);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Deletes temporary files a killed writer left behind. Call only while holding the lock
    /// that serialises writers of <paramref name="path"/>: then no live writer owns them.</summary>
    internal static void RemoveLeftovers(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory)) return;
        foreach (var leftover in Directory.GetFiles(directory, Path.GetFileName(path) + TempMarker + "*"))
        {
            try { File.Delete(leftover); } catch (IOException) { } // another process's view may lag; harmless
        }
    }
}
