using System;
using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Plans;

[Cmdlet(VerbsCommon.Add, "FtTraining", SupportsShouldProcess = true, DefaultParameterSetName = ByPlan)]
[OutputType(typeof(CustomerPlan))]
public sealed class AddFtTrainingCommand : FtPlanChangeCmdlet
{
    // By property name too, so Get-FtUserActivity -AsTrainingList pipes straight in.
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string Service { get; set; } = "";

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Audience { get; set; } = "";

    [Parameter] [PSDefaultValue(Help = "Today")] public DateTime? Date { get; set; }
    [Parameter(ValueFromPipelineByPropertyName = true)] [ValidateRange(0, int.MaxValue)] public int? Attendees { get; set; }

    protected override void ProcessRecord()
    {
        var service = ResolveService(Service);
        _ = ChangePlan($"Record {service} training for {Audience}", PlanChanges.AddTraining(service, Date ?? Context.Today, Audience, Attendees));
    }
}
