using System;
using System.Collections.Generic;
using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Plans;

[Cmdlet(VerbsCommon.Get, "FtBlocker", DefaultParameterSetName = "All")]
[OutputType(typeof(CustomerBlocker))]
public sealed class GetFtBlockerCommand : FtWorkspaceCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "ByPlan")]
    public CustomerPlan? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "ByTenant")]
    [ArgumentCompleter(typeof(TenantIdCompleter))]
    public Guid TenantId { get; set; }

    [Parameter] [ArgumentCompleter(typeof(ServiceCompleter))] public string[]? Service { get; set; }

    /// <summary>Resolved blockers too; by default only the open ones.</summary>
    [Parameter] public SwitchParameter IncludeResolved { get; set; }

    protected override void ProcessRecord()
    {
        var services = Service is null ? null : ResolveServices(Service);
        foreach (var blocker in BlockerQuery.Run(Plans(), services, IncludeResolved)) WriteObject(blocker);
    }

    private IEnumerable<CustomerPlan> Plans()
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
