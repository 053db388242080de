using System;
using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Rules;

[Cmdlet(VerbsCommon.Set, "FtTask", SupportsShouldProcess = true, DefaultParameterSetName = ByPlan)]
[OutputType(typeof(CustomerPlan))]
public sealed class SetFtTaskCommand : FtPlanChangeCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskId")]
    [ArgumentCompleter(typeof(TaskIdCompleter))]
    public int Id { get; set; }

    /// <summary>The service the task is kept for; needed only when the plan keeps the task for several.
    /// By property name in the -TenantId set only: in both, it would make the binder settle on the
    /// default (plan) set before it tries TenantId of a piped Get-FtTask object.</summary>
    [Parameter(ParameterSetName = ByTenant, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByPlan)]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string? Service { get; set; }

    [Parameter] public TaskState? Status { get; set; }
    [Parameter] public string? Owner { get; set; }
    [Parameter] public DateTime? Due { get; set; }
    [Parameter] public DateTime? DoneOn { get; set; }
    [Parameter] public string? Note { get; set; }
    /// <summary>Why the task does not apply; required with -Status NotApplicable.</summary>
    [Parameter] public string? Reason { get; set; }

    protected override void ProcessRecord()
    {
        var service = Service is null ? (Core.Playbook.M365Service?)null : ResolveService(Service);
        _ = ChangePlan($"Update FTOP task {Id}{(Status is null ? "" : $" to {Status}")}",
            PlanChanges.SetTask(Id, service, Status, Owner, Due, DoneOn, Note, Reason, Context.Today));
    }
}
