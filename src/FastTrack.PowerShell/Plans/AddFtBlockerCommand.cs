using System;
using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Plans;

[Cmdlet(VerbsCommon.Add, "FtBlocker", SupportsShouldProcess = true, DefaultParameterSetName = ByPlan)]
[OutputType(typeof(CustomerPlan))]
public sealed class AddFtBlockerCommand : FtPlanChangeCmdlet
{
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Description { get; set; } = "";

    [Parameter]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string? Service { get; set; }

    [Parameter] public string? Category { get; set; }
    [Parameter] public string? Owner { get; set; }
    [Parameter] [PSDefaultValue(Help = "Today")] public DateTime? Opened { get; set; }

    protected override void ProcessRecord()
    {
        var service = Service is null ? (Core.Playbook.M365Service?)null : ResolveService(Service);
        _ = ChangePlan($"Add blocker: {Description}", PlanChanges.AddBlocker(service, Description, Category, Owner, Opened ?? Context.Today));
    }
}
