using System;
using System.Collections.Generic;
using System.Management.Automation;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>A cmdlet that works on the plans of a workspace: -Workspace (else $env:FASTTRACK_WORKSPACE,
/// else the per-user default), resolved against the PowerShell location like any -Path.</summary>
public abstract class FtWorkspaceCmdlet : FtCmdlet
{
    private PlanStore? _store;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Workspace { get; set; }

    /// <summary>Seconds to wait for another writer of the same plan before giving up.</summary>
    protected virtual TimeSpan LockWait => PlanStore.DefaultLockTimeout;

    protected PlanStore Store => _store ??= new PlanStore(ResolveWorkspace(), PlaybookCatalog.Default, LockWait);

    /// <summary>The workspace of this call; a path that cannot be a workspace (NUL, too long, a file) stops the
    /// cmdlet with WorkspaceInvalid before anything is read or written.</summary>
    protected Workspace ResolveWorkspace()
    {
        try
        {
            return FastTrack.Core.Workspaces.Workspace.Resolve(Workspace is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Workspace));
        }
        catch (Core.Errors.FtException ex)
        {
            ThrowFtError(ex.Error, ex);
            throw; // not reached: ThrowTerminatingError does not return
        }
        catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is ItemNotFoundException || ex is ProviderNotFoundException || ex is DriveNotFoundException || ex is PSArgumentException)
        {
            ThrowFtError(new Core.Errors.FtError("WorkspaceInvalid", Core.Errors.FtErrorKind.InvalidArgument, Workspace,
                $"-Workspace cannot be used: {ex.Message} Give the path of a folder."), ex);
            throw;
        }
    }

    /// <summary>Writes what the tenant's Graph connection logged (retries, downloads, cache hits) to -Verbose.</summary>
    protected void WriteConnectionLog(Guid? tenantId)
    {
        if (tenantId is { } id && Core.Graph.TenantConnections.Find(id) is { } connection)
        {
            foreach (var line in connection.DrainLog()) WriteVerbose(line);
        }
    }

    /// <summary>Service names from a parameter; an unknown one stops the cmdlet (nothing is written).</summary>
    protected IReadOnlyList<M365Service> ResolveServices(IEnumerable<string> names)
    {
        var outcome = ServiceNames.ResolveAll(PlaybookCatalog.Default, names);
        if (!outcome.Succeeded) ThrowFtError(outcome.Error!);
        return outcome.Value!;
    }

    protected M365Service ResolveService(string name)
    {
        var services = ResolveServices(new[] { name });
        if (services.Count != 1)
        {
            ThrowFtError(new Core.Errors.FtError("AmbiguousService", Core.Errors.FtErrorKind.InvalidArgument, name,
                $"'{name}' names {services.Count} services; name exactly one."));
        }
        return services[0];
    }
}
