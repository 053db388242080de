using System;
using System.IO;
using System.Text;

namespace FastTrack.Core.Workspaces;

/// <summary>Writes a file so that a reader (or a crash) only ever sees the old or the new content, through a
/// <see cref="PendingFile"/>. The previous content is kept as a backup (a hard link on Unix) when asked.
/// Plan files are owner-only; exports (calendars, reports) keep the folder's normal permissions.</summary>
public static class AtomicFile
{
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
        using var file = PendingFile.Create(path, ownerOnly);
        write(file.Stream);
        file.Commit(backupPath);
    }

    /// <summary>Deletes temporary files a killed writer left behind. Call only while holding the lock
    /// that serialises writers of <paramref name="path"/>: then no live writer owns them.</summary>
    internal static void RemoveLeftovers(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory)) return;
        foreach (var leftover in Directory.GetFiles(directory, Path.GetFileName(path) + PendingFile.TempMarker + "*"))
        {
            try { File.Delete(leftover); } catch (IOException) { } // another process's view may lag; harmless
        }
    }
}
