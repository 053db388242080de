using System.Globalization;
using System.Management.Automation;
using FastTrack.Core.Rules;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Rules;

[Cmdlet(VerbsDiagnostic.Test, "FtSuccessCriteria", DefaultParameterSetName = AllPlans)]
[OutputType(typeof(SuccessCriterion), typeof(bool))]
public sealed class TestFtSuccessCriteriaCommand : FtPlanInputCmdlet
{
    [Parameter] [ArgumentCompleter(typeof(Completion.CultureCompleter))] [PSDefaultValue(Help = "$PSUICulture")] public CultureInfo? Culture { get; set; }

    /// <summary>Only $true or $false per plan: may the customer move on (every gating criterion passes or does not apply)?</summary>
    [Parameter] public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var plan in InputPlans())
        {
            var criteria = PlanAdvice.For(plan, Context.Catalog, Context.Today, OutputCulture(Culture)).Criteria;
            if (Quiet) WriteObject(SuccessCriteria.AllowPromotion(criteria));
            else WriteObject(criteria, enumerateCollection: true);
        }
    }
}
