using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;

namespace FastTrack.PowerShell.Completion;

/// <summary>The readable plans of the workspace the command line names (-Workspace), for completers: the path is
/// resolved as the command will resolve it, against $PWD and through PowerShell drives.</summary>
internal static class WorkspacePlans
{
    public static IEnumerable<CustomerPlan> From(IDictionary fakeBoundParameters)
    {
        var given = fakeBoundParameters.Contains("Workspace") ? fakeBoundParameters["Workspace"]?.ToString() : null;
        Workspace workspace;
        try
        {
            workspace = Workspace.Resolve(given is null || BlobContainerAddress.LooksLikeOne(given) ? given : ProviderPath(given));
        }
        catch (Exception)
        {
            return Enumerable.Empty<CustomerPlan>(); // a completer offers nothing rather than fail the prompt
        }
        return new PlanStore(workspace, PlaybookCatalog.Default).ReadAll()
            .Where(o => o.Succeeded)
            .Select(o => o.Value!);
    }

    /// <summary>The plan -TenantId names on the command line, or every readable plan when it names none.</summary>
    public static IReadOnlyList<CustomerPlan> Named(IDictionary fakeBoundParameters)
    {
        var tenant = fakeBoundParameters.Contains("TenantId") && Guid.TryParse(fakeBoundParameters["TenantId"]?.ToString(), out var id) ? id : (Guid?)null;
        return From(fakeBoundParameters).Where(p => tenant is null || p.TenantId == tenant).ToList();
    }

    // Completers get no SessionState; the running pipeline's is reached through a script block, which runs in it.
    private static string ProviderPath(string path)
    {
        var resolved = ScriptBlock.Create("param($p) $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($p)").Invoke(path);
        return resolved.Count == 1 && resolved[0]?.BaseObject is string full ? full : path;
    }
}
