using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Rules;

/// <summary>Records how a success check-in went: held or missed, with notes.</summary>
[Cmdlet(VerbsCommon.Set, "FtCheckIn", SupportsShouldProcess = true, DefaultParameterSetName = ByPlan)]
[OutputType(typeof(CustomerPlan))]
public sealed class SetFtCheckInCommand : FtPlanChangeCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.CheckInIdCompleter))]
    public int Id { get; set; }

    [Parameter(Mandatory = true, Position = 2)]
    public CheckInStatus Status { get; set; }

    [Parameter] public string? Notes { get; set; }

    protected override void ProcessRecord() =>
        _ = ChangePlan($"Record check-in #{Id} as {Status}", PlanChanges.RecordCheckIn(Id, Status, Notes, Context.User, Context.Now));
}
