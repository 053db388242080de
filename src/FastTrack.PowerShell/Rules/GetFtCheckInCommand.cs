using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Rules;

/// <summary>The success check-ins of the plans: planned, held and missed.</summary>
[Cmdlet(VerbsCommon.Get, "FtCheckIn", DefaultParameterSetName = AllPlans)]
[OutputType(typeof(CustomerCheckIn))]
public sealed class GetFtCheckInCommand : FtPlanInputCmdlet
{
    /// <summary>Only check-ins that took place and are not recorded as held or missed yet.</summary>
    [Parameter] public SwitchParameter Unrecorded { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var checkIn in CheckInQuery.Run(InputPlans(), Unrecorded, Context.Today)) WriteObject(checkIn);
    }
}
