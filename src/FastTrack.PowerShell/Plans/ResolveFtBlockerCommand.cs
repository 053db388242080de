using System;
using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Plans;

[Cmdlet(VerbsDiagnostic.Resolve, "FtBlocker", SupportsShouldProcess = true, DefaultParameterSetName = ByPlan)]
[OutputType(typeof(CustomerPlan))]
public sealed class ResolveFtBlockerCommand : FtPlanChangeCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("BlockerId")]
    [ArgumentCompleter(typeof(Completion.BlockerIdCompleter))]
    public int Id { get; set; }

    [Parameter(Mandatory = true, Position = 2)]
    [ValidateNotNullOrEmpty]
    public string Resolution { get; set; } = "";

    [Parameter] [PSDefaultValue(Help = "Today")] public DateTime? ResolvedOn { get; set; }

    protected override void ProcessRecord() =>
        _ = ChangePlan($"Resolve blocker #{Id}: {Resolution}", PlanChanges.ResolveBlocker(Id, Resolution, ResolvedOn ?? Context.Today));
}
