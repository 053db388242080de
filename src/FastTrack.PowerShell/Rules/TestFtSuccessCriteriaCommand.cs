using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using FastTrack.Core.Playbook;
using FastTrack.Core.Rules;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Rules;

[Cmdlet(VerbsDiagnostic.Test, "FtSuccessCriteria", DefaultParameterSetName = AllPlans)]
[OutputType(typeof(SuccessCriterion), typeof(bool))]
public sealed class TestFtSuccessCriteriaCommand : FtPlanInputCmdlet
{
    [Parameter] public CultureInfo? Culture { get; set; }

    /// <summary>Only $true or $false per plan: do all criteria pass?</summary>
    [Parameter] public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var plan in InputPlans())
        {
            var criteria = PlanAdvice.For(plan, PlaybookCatalog.Default, DateTime.Today, OutputCulture(Culture)).Criteria;
            if (Quiet) WriteObject(criteria.All(c => c.Result == CriterionResult.Pass));
            else WriteObject(criteria, enumerateCollection: true);
        }
    }
}
