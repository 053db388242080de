using System;
using System.IO;

namespace FastTrack.Core.Workspaces;

/// <summary>A file being written that takes its name only once it is whole: the bytes go to a temporary file in
/// the same folder, are flushed to disk, and the temporary file is renamed over the target. Disposed before
/// <see cref="Commit"/>, the temporary file is deleted and the target is untouched. <see cref="AtomicFile"/>
/// writes through one; a report download streams through one while the scanner reads what has arrived
/// (<see cref="Readable"/>).</summary>
public sealed class PendingFile : IDisposable
{
    internal const string TempMarker = ".tmp-";
    private FileStream? _stream;
    private bool _committed;

    private PendingFile(string path, bool ownerOnly, bool readable)
    {
        Path = path;
        TempPath = path + TempMarker + Guid.NewGuid().ToString("N").Substring(0, 12);
        try
        {
            // Owner-only from the instant it exists (creat with mode 0600): a chmod after the create would
            // leave a moment in which another user could open it and read what is written later.
            if (ownerOnly) OwnerOnlyPermissions.CreateFile(TempPath);
            // Readable: unbuffered, so what Write returns from is in the file for other handles, which may read
            // it and keep it open across the rename (FileShare.Delete).
            _stream = new FileStream(TempPath, ownerOnly ? FileMode.OpenOrCreate : FileMode.CreateNew, FileAccess.Write,
                readable ? FileShare.Read | FileShare.Delete : FileShare.None, readable ? 1 : 81920);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Starts a file that others may not read before it is committed (plans, exports).</summary>
    public static PendingFile Create(string path, bool ownerOnly = true) => new(path, ownerOnly, readable: false);

    /// <summary>Starts a file whose bytes are readable, through <see cref="TempPath"/>, as soon as they are written.</summary>
    public static PendingFile Readable(string path, bool ownerOnly = true) => new(path, ownerOnly, readable: true);

    public string Path { get; }
    public string TempPath { get; }
    public Stream Stream => _stream ?? throw new ObjectDisposedException(nameof(PendingFile));
    public bool Committed => _committed;

    /// <summary>Puts the bytes on disk (before the rename, so a crash never leaves the name on bytes that were
    /// not written). The slow half of committing: it may be called before <see cref="Commit"/>.</summary>
    public void Flush() => _stream?.Flush(flushToDisk: true);

    /// <summary>Gives the file its name, replacing what was there (kept as <paramref name="backupPath"/> when given).</summary>
    public void Commit(string? backupPath = null)
    {
        if (_stream is null) throw new ObjectDisposedException(nameof(PendingFile));
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        _stream = null;
        if (File.Exists(Path)) File.Replace(TempPath, Path, backupPath, ignoreMetadataErrors: true);
        else File.Move(TempPath, Path);
        _committed = true;
    }

    public void Dispose()
    {
        var stream = _stream;
        _stream = null;
        try
        {
            // Closing flushes what is buffered, which throws again when the disk is full.
            stream?.Dispose();
        }
        finally
        {
            if (!_committed && File.Exists(TempPath)) File.Delete(TempPath);
        }
    }
}
