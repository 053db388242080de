using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace FastTrack.Core.Workspaces;

/// <summary>A cross-process lock on a file (an exclusive open: flock on Unix, a share-none handle on
/// Windows), released by the OS if the holder dies. Who holds it is written beside it, so a timeout
/// can say whom to wait for. Both files are owner-only from their creation, like the plans they guard.</summary>
internal sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _ownerPath;

    private FileLock(FileStream stream, string ownerPath)
    {
        _stream = stream;
        _ownerPath = ownerPath;
    }

    public static FileLock Acquire(string lockPath, TimeSpan timeout, string what, CancellationToken cancellationToken = default)
    {
        OwnerOnlyPermissions.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        OwnerOnlyPermissions.CreateFile(lockPath);
        var ownerPath = lockPath + ".owner";
        var clock = Stopwatch.StartNew();
        var random = new Random();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                TryWriteOwner(ownerPath);
                return new FileLock(stream, ownerPath);
            }
            catch (IOException ex) when (IsContention(ex) && clock.Elapsed < timeout)
            {
                Thread.Sleep(random.Next(5, 40));
            }
            catch (IOException ex) when (IsContention(ex))
            {
                throw WorkspaceErrors.PlanLocked(what, ReadOwner(ownerPath), timeout).ToException(ex);
            }
        }
    }

    /// <summary>The lock if it is free now, else null (a run claim: another runner has the plan).</summary>
    public static FileLock? TryAcquire(string lockPath)
    {
        OwnerOnlyPermissions.CreateFile(lockPath);
        try
        {
            var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            var ownerPath = lockPath + ".owner";
            TryWriteOwner(ownerPath);
            return new FileLock(stream, ownerPath);
        }
        catch (IOException ex) when (IsContention(ex))
        {
            return null;
        }
    }

    /// <summary>Another holder of the lock, as opposed to a disk that refuses the file (read-only, full, gone):
    /// only the first is worth waiting for. Windows says sharing or lock violation; Unix says EWOULDBLOCK.</summary>
    private static bool IsContention(IOException ex) =>
        ex.GetType() == typeof(IOException) && ((ex.HResult & 0xFFFF) is 0x20 or 0x21 || ex.HResult is 11 or 35);

    public void Dispose()
    {
        try { File.Delete(_ownerPath); } catch (IOException) { } // best effort: it is only a hint
        _stream.Dispose();
    }

    private static void TryWriteOwner(string ownerPath)
    {
        try
        {
            OwnerOnlyPermissions.CreateFile(ownerPath); // it names the user, the machine and the process
            File.WriteAllText(ownerPath,
                $"{Environment.UserName} on {Environment.MachineName} (process {Process.GetCurrentProcess().Id}) since {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss zzz}");
        }
        catch (IOException) { } // the lock holds without the hint
        catch (UnauthorizedAccessException) { }
    }

    private static string ReadOwner(string ownerPath)
    {
        try { return File.Exists(ownerPath) ? File.ReadAllText(ownerPath).Trim() : "another process"; }
        catch (IOException) { return "another process"; }
        catch (UnauthorizedAccessException) { return "another user"; }
    }
}
