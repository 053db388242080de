using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using FastTrack.Core.Workflow;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Rules;

/// <summary>Writes the plans' upcoming check-ins as an iCalendar (.ics) file Outlook imports.</summary>
[Cmdlet(VerbsData.Export, "FtCheckInCalendar", SupportsShouldProcess = true, DefaultParameterSetName = AllPlans)]
[OutputType(typeof(FileInfo))]
public sealed class ExportFtCheckInCalendarCommand : FtPlanInputCmdlet
{
    private readonly List<CustomerPlan> _plans = new();

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Check-ins from this date on; today by default.</summary>
    [Parameter] [PSDefaultValue(Help = "Today")] public DateTime? From { get; set; }

    /// <summary>Overwrite an existing file.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    [Parameter] public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => _plans.AddRange(InputPlans());

    protected override void EndProcessing()
    {
        var path = Require(() => ExportFile.Resolve(SessionState, Path, Force));
        // Never an empty calendar over yesterday's: Outlook would import nothing and say nothing.
        if (_plans.Count == 0) ThrowFtError(CmdletErrors.NoPlanToReport(path));
        var from = (From ?? Context.Today).Date;
        var events = CheckInCalendar.Events(_plans, Context.Catalog, from, Context.Today);
        if (events.Count == 0) ThrowFtError(CmdletErrors.NoCheckInsToExport(path, _plans.Select(p => p.Customer).ToList(), from));
        if (!ShouldProcess(path, $"Write {events.Count} check-in(s) of {_plans.Count} plan(s)")) return;
        Require(() => ExportFile.Write(path, IcsWriter.Write(events, Context.Now.ToUniversalTime())));
        if (PassThru) WriteObject(ExportFile.Item(SessionState, path));
    }
}
