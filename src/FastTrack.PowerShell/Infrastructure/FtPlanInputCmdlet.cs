using System;
using System.Collections.Generic;
using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Completion;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>A cmdlet that reads plans: piped in (by value), named by -TenantId (by property name), or
/// every plan of the workspace when neither is given. Unreadable plans are non-terminating errors.</summary>
public abstract class FtPlanInputCmdlet : FtWorkspaceCmdlet
{
    protected const string AllPlans = "All";

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "ByPlan")]
    public CustomerPlan? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "ByTenant")]
    [ArgumentCompleter(typeof(TenantIdCompleter))]
    public Guid TenantId { get; set; }

    protected IEnumerable<CustomerPlan> InputPlans()
    {
        if (InputObject is not null)
        {
            yield return InputObject;
            yield break;
        }
        var query = new PlanQuery { TenantIds = ParameterSetName == "ByTenant" ? new[] { TenantId } : null };
        foreach (var outcome in query.Run(Store))
        {
            if (outcome.Succeeded) yield return outcome.Value!;
            else WriteFtError(outcome.Error!);
        }
    }
}
