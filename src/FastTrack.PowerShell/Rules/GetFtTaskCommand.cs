using System;
using System.Linq;
using System.Management.Automation;
using FastTrack.Core.Rules;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Rules;

[Cmdlet(VerbsCommon.Get, "FtTask", DefaultParameterSetName = AllPlans)]
[OutputType(typeof(TaskDecision))]
public sealed class GetFtTaskCommand : FtPlanInputCmdlet
{
    [Parameter] [ArgumentCompleter(typeof(TaskIdCompleter))] public int[]? Id { get; set; }
    [Parameter] [ArgumentCompleter(typeof(ServiceCompleter))] public string[]? Service { get; set; }

    /// <summary>Only tasks that apply and are not done yet.</summary>
    [Parameter] public SwitchParameter Outstanding { get; set; }

    protected override void ProcessRecord()
    {
        var services = Service is null ? null : ResolveServices(Service);
        foreach (var plan in InputPlans())
        {
            var tasks = PlanAdvice.For(plan, Context.Catalog, Context.Today, OutputCulture(null)).Evaluation.Tasks
                .Where(t => (Id is null || Id.Contains(t.TaskId)) && (services is null || services.Contains(t.Service)) && (!Outstanding || t.IsOutstanding));
            WriteObject(tasks, enumerateCollection: true);
        }
    }
}
