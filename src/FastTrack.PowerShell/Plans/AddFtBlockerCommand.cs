using System;
using System.Linq;
using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Plans;

[Cmdlet(VerbsCommon.Add, "FtBlocker", SupportsShouldProcess = true, DefaultParameterSetName = ByPlan)]
[OutputType(typeof(CustomerBlocker))]
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

    /// <summary>The new blocker as Get-FtBlocker emits it, so that its TenantId and Id bind Resolve-FtBlocker.
    /// It is the one with the highest number: AddBlocker numbers it after every blocker the saved plan holds.</summary>
    protected override object PassThruOf(CustomerPlan saved) => new CustomerBlocker(saved, saved.Blockers.OrderBy(b => b.Id).Last());
}
