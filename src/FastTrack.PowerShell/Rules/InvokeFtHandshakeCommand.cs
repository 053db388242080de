using System;
using System.Collections.Generic;
using System.Management.Automation;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;
using FastTrack.Core.Workflow;

namespace FastTrack.PowerShell.Rules;

/// <summary>Hands the enabled Modern Communications workloads to the CSM (tasks 3731-3733) and emits the handoff notes.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "FtHandshake", SupportsShouldProcess = true, DefaultParameterSetName = ByPlan)]
[OutputType(typeof(HandoffNote), typeof(string))]
public sealed class InvokeFtHandshakeCommand : FtPlanChangeCmdlet
{
    /// <summary>The workloads to hand over; by default every one whose handshake is outstanding.</summary>
    [Parameter] [ArgumentCompleter(typeof(ServiceCompleter))] public string[]? Service { get; set; }

    /// <summary>Done (the default) hands the workload over; InProgress records that the handshake started.</summary>
    [Parameter] [ValidateSet("Done", "InProgress")] [PSDefaultValue(Value = "Done")] public string Status { get; set; } = "Done";

    /// <summary>Write each handoff note as Markdown text, ready for Teams or e-mail.</summary>
    [Parameter] public SwitchParameter AsMarkdown { get; set; }

    protected override void ProcessRecord()
    {
        var workloads = Service is null ? null : ResolveServices(Service);
        var status = (TaskState)Enum.Parse(typeof(TaskState), Status);
        IReadOnlyList<M365Service> handed = Array.Empty<M365Service>();
        var updated = ChangePlan($"Conduct the CSM handshake ({Status})", plan =>
        {
            var advice = PlanAdvice.For(plan, Context.Catalog, Context.Today, Context.Culture);
            var (change, chosen) = Handshake.Plan(advice, workloads, status, Context.Today);
            change(plan);
            handed = chosen;
        });
        if (updated is null) return;
        var after = PlanAdvice.For(updated, Context.Catalog, Context.Today, Context.Culture);
        foreach (var note in Handshake.Notes(after, handed))
            WriteObject(AsMarkdown ? note.ToMarkdown() : note);
    }
}
