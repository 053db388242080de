using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Plans;

[Cmdlet(VerbsCommon.Set, "FtSuccessMetric", SupportsShouldProcess = true, DefaultParameterSetName = ByPlan)]
[OutputType(typeof(CustomerPlan))]
public sealed class SetFtSuccessMetricCommand : FtPlanChangeCmdlet
{
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(Completion.SuccessMetricNameCompleter))]
    public string Name { get; set; } = "";

    [Parameter] [ArgumentCompleter(typeof(ServiceCompleter))] public string? Service { get; set; }
    [Parameter] public double? Target { get; set; }
    [Parameter] public double? Current { get; set; }
    [Parameter] public string? Unit { get; set; }
    /// <summary>Whether a higher (default) or a lower value is better.</summary>
    [Parameter] public MetricDirection? Direction { get; set; }

    protected override void ProcessRecord()
    {
        var service = Service is null ? (Core.Playbook.M365Service?)null : ResolveService(Service);
        _ = ChangePlan($"Set success metric '{Name}'", PlanChanges.SetSuccessMetric(Name, service, Target, Current, Unit, Direction));
    }
}
