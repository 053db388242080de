using System.Globalization;
using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Rules;

[Cmdlet(VerbsCommon.Get, "FtNextAction", DefaultParameterSetName = AllPlans)]
[OutputType(typeof(NextAction))]
public sealed class GetFtNextActionCommand : FtPlanInputCmdlet
{
    [Parameter] [ArgumentCompleter(typeof(Completion.CultureCompleter))] [PSDefaultValue(Help = "$PSUICulture")] public CultureInfo? Culture { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var plan in InputPlans())
        {
            if (plan.Phase is PlanPhase.SuccessReview or PlanPhase.Closed)
            {
                WriteVerbose($"{plan.Customer} is in the {plan.Phase} phase: the success execution playbook has no next actions for it.");
                continue;
            }
            foreach (var action in PlanAdvice.For(plan, Context.Catalog, Context.Today, OutputCulture(Culture)).Actions)
                WriteObject(action);
        }
    }
}
