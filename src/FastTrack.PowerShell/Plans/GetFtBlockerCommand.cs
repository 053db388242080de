using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Plans;

[Cmdlet(VerbsCommon.Get, "FtBlocker", DefaultParameterSetName = AllPlans)]
[OutputType(typeof(CustomerBlocker))]
public sealed class GetFtBlockerCommand : FtPlanInputCmdlet
{
    [Parameter] [ArgumentCompleter(typeof(ServiceCompleter))] public string[]? Service { get; set; }

    /// <summary>Resolved blockers too; by default only the open ones.</summary>
    [Parameter] public SwitchParameter IncludeResolved { get; set; }

    protected override void ProcessRecord()
    {
        var services = Service is null ? null : ResolveServices(Service);
        foreach (var blocker in BlockerQuery.Run(InputPlans(), services, IncludeResolved)) WriteObject(blocker);
    }
}
