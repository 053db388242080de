using System;
using System.Management.Automation;
using FastTrack.Core.Usage;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;
using FastTrack.Core.Measurement;

namespace FastTrack.PowerShell.Usage;

/// <summary>The saved AU of each service over time, with its trend and forecast; with -Snapshot, every
/// saved measurement as the same objects Measure-FtActiveUsage returns.</summary>
[Cmdlet(VerbsCommon.Get, "FtActiveUsageHistory", DefaultParameterSetName = AllPlans)]
[OutputType(typeof(ActiveUsageHistory), typeof(ActiveUsage))]
public sealed class GetFtActiveUsageHistoryCommand : FtPlanInputCmdlet
{
    [Parameter] [ArgumentCompleter(typeof(ServiceCompleter))] public string[]? Service { get; set; }

    /// <summary>Snapshots on this basis; by default each service's own basis in the plan.</summary>
    [Parameter] public UsageBasis? Basis { get; set; }

    [Parameter] public DateTime? Since { get; set; }

    /// <summary>One object per saved measurement instead of one per service.</summary>
    [Parameter] public SwitchParameter Snapshot { get; set; }

    protected override void ProcessRecord()
    {
        var services = Service is null ? null : ResolveServices(Service);
        foreach (var plan in InputPlans())
        {
            foreach (var history in ActiveUsageHistory.Of(plan, services, Basis, Since))
            {
                if (Snapshot) WriteObject(history.Measurements(), enumerateCollection: true);
                else WriteObject(history);
            }
        }
    }
}
