using System.IO;
using System.Runtime.InteropServices;

namespace FastTrack.Core.Workspaces;

/// <summary>On Linux and macOS, plan files hold customer data: readable by their owner only. Windows
/// files inherit the folder's ACL, which is how a shared workspace is granted there.</summary>
internal static class OwnerOnlyPermissions
{
    private const uint OwnerReadWrite = 0x180; // 0600
    private const uint OwnerAll = 0x1C0;       // 0700

    private static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    public static void ApplyToFile(string path)
    {
        if (IsUnix && chmod(path, OwnerReadWrite) != 0)
            throw new IOException($"Cannot restrict '{path}' to its owner (errno {Marshal.GetLastWin32Error()}).");
    }

    /// <summary>Creates an empty file if it is missing, owner-only from its first instant: the mode goes to
    /// creat(2) itself. A FileStream would create it 0644 (less the umask) and a chmod after that leaves a
    /// moment in which another user can open it and keep the handle. A file that already exists (an older
    /// version made lock files 0644) is narrowed when this user owns it; one of another user is left as it is.</summary>
    public static void CreateFile(string path)
    {
        if (!IsUnix) return; // the FileStream creates it, inheriting the folder's ACL
        if (!File.Exists(path))
        {
            var fd = creat(path, OwnerReadWrite);
            if (fd < 0)
            {
                var errno = Marshal.GetLastWin32Error();
                throw new IOException($"Cannot create '{path}' for its owner only: {Describe(errno)} (errno {errno}).");
            }
            close(fd);
        }
        chmod(path, OwnerReadWrite); // restores what a strict umask took from the owner, narrows an old file
    }

    public static void CreateDirectory(string path)
    {
        if (Directory.Exists(path)) return;
        Directory.CreateDirectory(path);
        if (IsUnix) chmod(path, OwnerAll);
    }

    // The system's own words for an errno ("Read-only file system", "No space left on device").
    private static string Describe(int errno) => Marshal.PtrToStringAnsi(strerror(errno)) ?? "error";

    [DllImport("libc", SetLastError = true)]
    private static extern int chmod(string path, uint mode);

    [DllImport("libc")]
    private static extern System.IntPtr strerror(int errnum);

    // creat(2) rather than open(2): open is variadic and its O_CREAT differs between Linux and macOS.
    // It truncates an existing file, which is why CreateFile calls it only for a missing one.
    [DllImport("libc", SetLastError = true)]
    private static extern int creat(string path, uint mode);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
}
