using System;
using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Plans;

/// <summary>Records that the customer was shown how to track adoption itself: the evidence for "understands
/// how to manage/track progress".</summary>
[Cmdlet(VerbsCommon.Add, "FtTrackingEvidence", SupportsShouldProcess = true, DefaultParameterSetName = ByPlan)]
[OutputType(typeof(CustomerPlan))]
public sealed class AddFtTrackingEvidenceCommand : FtPlanChangeCmdlet
{
    [Parameter(Mandatory = true, Position = 1)]
    public TrackingTool Tool { get; set; }

    /// <summary>Who showed it.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string ShownBy { get; set; } = "";

    /// <summary>Who on the customer's side was shown.</summary>
    [Parameter] public string? ShownTo { get; set; }

    /// <summary>The services it covers; every service when omitted.</summary>
    [Parameter] [ArgumentCompleter(typeof(ServiceCompleter))] public string[]? Service { get; set; }

    [Parameter] [PSDefaultValue(Help = "Today")] public DateTime? Date { get; set; }
    [Parameter] public string? Notes { get; set; }

    protected override void ProcessRecord()
    {
        var services = Service is null ? Array.Empty<Core.Playbook.M365Service>() : ResolveServices(Service);
        _ = ChangePlan($"Record that {ShownBy} showed how to track adoption with {Tool}",
            PlanChanges.AddTrackingEvidence(Tool, Date ?? Context.Today, ShownBy, ShownTo, services, Notes));
    }
}
