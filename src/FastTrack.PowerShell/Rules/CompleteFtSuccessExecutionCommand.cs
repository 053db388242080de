using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;
using FastTrack.PowerShell.Infrastructure;
using FastTrack.Core.Workflow;

namespace FastTrack.PowerShell.Rules;

/// <summary>Promotes a plan to the success review phase when the criteria pass (or when forced with a reason).</summary>
[Cmdlet(VerbsLifecycle.Complete, "FtSuccessExecution", SupportsShouldProcess = true, DefaultParameterSetName = ByPlan)]
[OutputType(typeof(CustomerPlan))]
public sealed class CompleteFtSuccessExecutionCommand : FtPlanChangeCmdlet
{
    /// <summary>Why the customer moves on although criteria fail; required with -Force in that case.</summary>
    [Parameter] public string? Reason { get; set; }

    protected override void ProcessRecord() =>
        _ = ChangePlan("Promote to Conduct Success Review (task 3735)", plan =>
        {
            var advice = PlanAdvice.For(plan, Context.Catalog, Context.Today, Context.Culture);
            Promotion.ToSuccessReview(advice, Force, Reason, Context.User, Context.Now)(plan);
        });
}
