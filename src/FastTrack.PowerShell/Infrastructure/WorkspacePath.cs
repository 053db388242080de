using System;
using System.Management.Automation;
using FastTrack.Core.Workspaces;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>Paths as PowerShell means them: relative to $PWD (not the process's directory) and through
/// PowerShell drives (TestDrive:, a mapped share). Cmdlets and argument completers resolve -Workspace here,
/// so a completer lists the plans the command will read.</summary>
internal static class WorkspacePath
{
    /// <summary>The workspace -Workspace names (null: $env:FASTTRACK_WORKSPACE, else the per-user default). A
    /// container URL is taken as it is.</summary>
    public static Workspace Resolve(SessionState session, string? workspace)
    {
        try
        {
            return Core.Workspaces.Workspace.Resolve(workspace is null || BlobContainerAddress.LooksLikeOne(workspace)
                ? workspace
                : session.Path.GetUnresolvedProviderPathFromPSPath(workspace));
        }
        catch (Exception ex) when (IsPathError(ex))
        {
            throw WorkspaceErrors.WorkspaceInvalid(workspace, ex.Message.TrimEnd('.')).ToException(ex);
        }
    }

    /// <summary>A file-system path; one PowerShell cannot resolve (an unknown drive, another provider) is PathInvalid.</summary>
    public static string ProviderPath(SessionState session, string path, string parameter)
    {
        try
        {
            return session.Path.GetUnresolvedProviderPathFromPSPath(path);
        }
        catch (Exception ex) when (IsPathError(ex))
        {
            throw CmdletErrors.PathInvalid(path, parameter, ex.Message).ToException(ex);
        }
    }

    private static bool IsPathError(Exception ex) =>
        ex is ArgumentException || ex is NotSupportedException || ex is ItemNotFoundException || ex is ProviderNotFoundException
        || ex is DriveNotFoundException || ex is PSArgumentException || ex is PSInvalidOperationException;
}
