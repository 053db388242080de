using System.Collections.Concurrent;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Tests.Plans;

/// <summary>The lock beside a plan, and the note naming its holder, are as private as the plan (0600 on
/// Linux and macOS), and never were anything else, not even while being created.</summary>
public sealed class LockFilePermissionTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
    private static readonly Guid Contoso = Guid.Parse("6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_plans_lock_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows()) return; // Windows files inherit the folder's ACL
        var store = new PlanStore(new Workspace(_dir.Path), PlaybookCatalog.Default);
        store.Create(CustomerPlan.New(PlaybookCatalog.Default, Contoso, "Contoso", DateTimeOffset.Now));
        var lockPath = Path.Combine(_dir.Path, "plans", Contoso.ToString("D") + ".lock");
        Assert.True(File.Exists(lockPath));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(lockPath));
        Assert.Equal(File.GetUnixFileMode(store.Workspace.PlanPath(Contoso)), File.GetUnixFileMode(lockPath));
    }

    [Fact]
    public void The_note_naming_the_holder_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        var lockPath = Path.Combine(_dir.Path, "plans", "held.lock");
        using (FileLock.Acquire(lockPath, TimeSpan.FromSeconds(1), "test"))
        {
            Assert.Contains(Environment.MachineName, File.ReadAllText(lockPath + ".owner"));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(lockPath + ".owner"));
        }
    }

    [Fact]
    public void A_lock_file_an_older_version_left_world_readable_is_narrowed()
    {
        if (OperatingSystem.IsWindows()) return;
        var lockPath = Path.Combine(_dir.Path, "old.lock");
        File.WriteAllBytes(lockPath, Array.Empty<byte>());
        File.SetUnixFileMode(lockPath, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using (FileLock.Acquire(lockPath, TimeSpan.FromSeconds(1), "test")) { }
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(lockPath));
    }

    [Fact]
    public void No_lock_file_is_open_to_others_even_for_a_moment_while_it_is_created()
    {
        if (OperatingSystem.IsWindows()) return;
        // A watcher stats the lock files as fast as it can while they are created: a file created with the
        // default mode and narrowed afterwards is caught in between sooner or later; one created 0600 never is.
        var paths = Enumerable.Range(0, 200).Select(i => Path.Combine(_dir.Path, "locks", $"{i}.lock")).ToArray();
        var seen = new ConcurrentDictionary<string, UnixFileMode>();
        var stop = false;
        var watcher = new Thread(() =>
        {
            if (OperatingSystem.IsWindows()) return;
            while (!Volatile.Read(ref stop))
            {
                foreach (var path in paths)
                {
                    UnixFileMode mode;
                    try { mode = File.GetUnixFileMode(path); }
                    catch (FileNotFoundException) { continue; }
                    catch (DirectoryNotFoundException) { continue; }
                    seen.AddOrUpdate(path, mode, (_, before) => before | mode);
                }
            }
        });
        watcher.Start();
        foreach (var path in paths)
        {
            using (FileLock.Acquire(path, TimeSpan.FromSeconds(1), "test")) { }
        }
        Volatile.Write(ref stop, true);
        watcher.Join();
        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.Equal((UnixFileMode)0, s.Value & GroupOrOther));
    }
}
