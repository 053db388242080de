using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using FastTrack.Core.Workspaces;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>The file an export cmdlet writes: resolved against the PowerShell location, checked before any work
/// (a folder, an existing file without -Force, a folder that does not exist), written atomically, and returned
/// for -PassThru.</summary>
internal static class ExportFile
{
    /// <summary>The full path, or the error that stops the cmdlet before anything is done.</summary>
    public static string Resolve(SessionState session, string path, bool force)
    {
        string full;
        try
        {
            full = session.Path.GetUnresolvedProviderPathFromPSPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is ItemNotFoundException || ex is ProviderNotFoundException || ex is System.Management.Automation.DriveNotFoundException)
        {
            throw CmdletErrors.PathInvalid(path, "Path", ex.Message).ToException(ex);
        }
        if (Directory.Exists(full)) throw CmdletErrors.PathIsFolder(full).ToException();
        if (File.Exists(full) && !force) throw CmdletErrors.FileExists(full).ToException();
        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder)) throw CmdletErrors.FolderNotFound(folder).ToException();
        return full;
    }

    /// <summary>Writes the file whole or not at all; a disk or permission failure is an error naming the file.</summary>
    public static void Write(string path, string content) => Write(path, stream =>
    {
        var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
        stream.Write(bytes, 0, bytes.Length);
    });

    /// <summary>Writes what <paramref name="write"/> puts in the stream (a workbook), whole or not at all.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        try
        {
            AtomicFile.Write(path, write, ownerOnly: false);
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            throw CmdletErrors.FileWriteFailed(path, ex).ToException(ex);
        }
    }

    /// <summary>The written file as Get-Item returns it: the FileSystem provider's object, whose PSPath pipes it to
    /// Get-Content and Copy-Item by property name and whose default view shows its Mode and Length, which a bare
    /// FileInfo leaves blank. The path is taken literally and with force: a [ in its name is no wildcard, and a
    /// hidden (dot-named) file is found too.</summary>
    public static PSObject Item(SessionState session, string path) =>
        session.InvokeProvider.Item.Get(new[] { path }, force: true, literalPath: true).Single();
}
