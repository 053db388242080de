using System;
using System.IO;
using System.Linq;
using System.Reflection;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Usage;

/// <summary>What a report folder scan may open, and how: only regular files with content; I/O failures become
/// errors naming the file. netstandard2.0 has no file-type API, so: a symbolic link is followed to its final
/// target (FileSystemInfo.ResolveLinkTarget, .NET 6 and later, found by reflection; Windows PowerShell's .NET
/// Framework has no Unix links to follow), a dangling link or a loop is passed over, and an entry whose size is
/// 0 is never opened: that is what Unix says of a FIFO, a socket or a device, and opening a FIFO waits for a
/// writer forever. An empty regular file is no report either: even an empty report has its header.</summary>
internal static class ReportFolderFiles
{
    private static readonly MethodInfo? s_resolveLinkTarget = typeof(FileSystemInfo).GetMethod("ResolveLinkTarget", new[] { typeof(bool) });

    /// <summary>The folder's files matching the pattern, in ordinal order (the same on every system).</summary>
    public static string[] List(string folder, string pattern)
    {
        try
        {
            return Directory.GetFiles(folder, pattern).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            throw ReportErrors.ReportFolderUnreadable(folder, ex).ToException();
        }
    }

    /// <summary>Why the file is not one to open, or null for a regular file with content.</summary>
    public static string? WhyNotRegular(string path)
    {
        FileSystemInfo info = new FileInfo(path);
        try
        {
            if ((info.Attributes & FileAttributes.ReparsePoint) != 0 && FinalTarget(info) is { } target)
            {
                if (target is DirectoryInfo) return "a link to a folder";
                if (!target.Exists) return $"a symbolic link to '{target.FullName}', which does not exist";
                info = target;
            }
            if (info is not FileInfo { Exists: true } file) return "gone while the folder was read";
            return file.Length == 0 ? "empty, or not a regular file (a pipe, socket or device, which is never opened)" : null;
        }
        catch (IOException ex)
        {
            return $"a symbolic link that cannot be followed ({ex.Message})";
        }
        catch (UnauthorizedAccessException)
        {
            return null; // opening it says so, as an error naming it
        }
    }

    // A link's final target, or null when the entry is not a link (a Windows cloud placeholder is a reparse point too).
    private static FileSystemInfo? FinalTarget(FileSystemInfo info)
    {
        if (s_resolveLinkTarget is null) return null;
        try
        {
            return (FileSystemInfo?)s_resolveLinkTarget.Invoke(info, new object[] { true });
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException; // IOException for a loop: the caller names the file
        }
    }

    /// <param name="bufferBytes">The stream's buffer: a few KB to look at a file's first lines.</param>
    public static FileStream OpenRead(string path, int bufferBytes = 64 * 1024)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferBytes, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            throw ReportErrors.ReportFileUnreadable(path, ex).ToException();
        }
    }

    public static string ReadAllText(string path)
    {
        using var reader = new StreamReader(OpenRead(path));
        try
        {
            return reader.ReadToEnd();
        }
        catch (IOException ex)
        {
            throw ReportErrors.ReportFileUnreadable(path, ex).ToException();
        }
    }

    /// <summary>Why the bytes are not text a CSV export could be, or null. A NUL byte is in no UTF-8 CSV;
    /// UTF-16 without a byte order mark has one in every other byte (the reader would see garbage headers and
    /// call it "not a report", which would hide the report the user meant). The stream is left at its start.</summary>
    public static string? WhyNotText(Stream stream)
    {
        var head = new byte[4096];
        int length;
        try
        {
            length = 0;
            for (int n; length < head.Length && (n = stream.Read(head, length, head.Length - length)) > 0;) length += n;
            stream.Position = 0;
        }
        catch (IOException ex)
        {
            throw ReportErrors.ReportFileUnreadable(stream is FileStream file ? file.Name : "the report", ex).ToException();
        }
        // A byte order mark says which encoding: the reader decodes UTF-8, UTF-16 and UTF-32 by it.
        if (length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))) return null;
        if (length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) return null;
        if (Array.IndexOf(head, (byte)0, 0, length) < 0) return null;
        // UTF-16 of a CSV header is ASCII: every other byte 0, the ones between not.
        int little = 0, big = 0, pairs = length / 2;
        for (var i = 0; i + 1 < length; i += 2)
        {
            if (head[i] != 0 && head[i + 1] == 0) little++;
            else if (head[i] == 0 && head[i + 1] != 0) big++;
        }
        var utf16 = pairs >= 8 && (little >= pairs * 0.9 || big >= pairs * 0.9);
        return utf16
            ? "UTF-16 text without a byte order mark: if it is a usage report, save it as UTF-8, as the admin center and Graph export it"
            : "not text (it holds NUL bytes), so no CSV export";
    }
}
