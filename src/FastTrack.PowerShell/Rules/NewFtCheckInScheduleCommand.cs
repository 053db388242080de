using System;
using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Infrastructure;
using FastTrack.Core.Workflow;

namespace FastTrack.PowerShell.Rules;

/// <summary>Adds success check-in meetings at a cadence for the services not handed to a CSM.</summary>
[Cmdlet(VerbsCommon.New, "FtCheckInSchedule", SupportsShouldProcess = true, DefaultParameterSetName = ByPlan)]
[OutputType(typeof(CustomerPlan))]
public sealed class NewFtCheckInScheduleCommand : FtPlanChangeCmdlet
{
    [Parameter] [ValidateRange(1, 366)] [PSDefaultValue(Value = 14)] public int EveryDays { get; set; } = 14;
    [Parameter] [PSDefaultValue(Help = "Tomorrow")] public DateTime? Start { get; set; }
    [Parameter] [PSDefaultValue(Help = "The plan's target date")] public DateTime? Until { get; set; }
    [Parameter] [PSDefaultValue(Help = "10:00")] public TimeSpan At { get; set; } = new(10, 0, 0);
    [Parameter] [ValidateRange(5, 480)] [PSDefaultValue(Value = 30)] public int DurationMinutes { get; set; } = 30;

    protected override void ProcessRecord() =>
        _ = ChangePlan($"Schedule success check-ins every {EveryDays} days",
            CheckInScheduler.Schedule(Context.Catalog, Context.Today, (Start ?? Context.Today.AddDays(1)).Date, EveryDays, Until, At, DurationMinutes));
}
