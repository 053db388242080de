using System.Diagnostics;

namespace FastTrack.Core.Tests.WorkspaceFaults;

/// <summary>A test that needs a small tmpfs mount of its own (a read-only or a full file system), which only
/// root may make. CI runs as root; elsewhere the test is skipped, saying why.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "tmpfs mounts are a Linux test of disk faults.";
        else if (!Tmpfs.CanMount) Skip = "This account cannot mount a tmpfs (run as root, as CI does, to test disk faults).";
    }
}

/// <summary>A tmpfs mounted on a temporary folder for one test; unmounted on dispose.</summary>
public sealed class Tmpfs : IDisposable
{
    private static readonly Lazy<bool> s_canMount = new(() =>
    {
        try { using var probe = new Tmpfs("size=16k"); return true; }
        catch (InvalidOperationException) { return false; }
    });

    public Tmpfs(string options)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fasttrack-tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        if (Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", Path) != 0)
        {
            Directory.Delete(Path);
            throw new InvalidOperationException("mount failed");
        }
    }

    public static bool CanMount => s_canMount.Value;
    public string Path { get; }

    /// <summary>Remounts read-only: what a share mounted read-only, or a disk that went read-only, looks like.</summary>
    public void MakeReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }

    private static int Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit(10_000);
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception) { return -1; }
    }
}
