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

    public static void CreateDirectory(string path)
    {
        if (Directory.Exists(path)) return;
        Directory.CreateDirectory(path);
        if (IsUnix) chmod(path, OwnerAll);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int chmod(string path, uint mode);
}
