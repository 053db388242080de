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
    [Parameter(Mandatory = true, Position = 1)]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string Service { get; set; } = "";

    [Parameter(Mandatory = true, Position = 2)]
    [ValidateNotNullOrEmpty]
    public string Audience { get; set; } = "";

    [Parameter] public DateTime? Date { get; set; }
    [Parameter] [ValidateRange(0, int.MaxValue)] public int? Attendees { get; set; }

    protected override void ProcessRecord()
    {
        var service = ResolveService(Service);
        _ = ChangePlan($"Record {service} training for {Audience}", PlanChanges.AddTraining(service, Date ?? DateTime.Today, Audience, Attendees));
    }
}
