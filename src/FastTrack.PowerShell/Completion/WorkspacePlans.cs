using System.Collections;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;

namespace FastTrack.PowerShell.Completion;

/// <summary>The readable plans of the workspace the command line names (-Workspace), for completers.</summary>
internal static class WorkspacePlans
{
    public static IEnumerable<CustomerPlan> From(IDictionary fakeBoundParameters)
    {
        var explicitRoot = fakeBoundParameters.Contains("Workspace") ? fakeBoundParameters["Workspace"]?.ToString() : null;
        return new PlanStore(Workspace.Resolve(explicitRoot), PlaybookCatalog.Default).ReadAll()
            .Where(o => o.Succeeded)
            .Select(o => o.Value!);
    }
}
