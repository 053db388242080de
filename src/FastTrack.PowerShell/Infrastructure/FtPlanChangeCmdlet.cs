using System;
using System.Management.Automation;
using FastTrack.Core.Plans;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>A cmdlet that changes one plan: the plan comes from the pipeline (by value, and then its
/// revision guards against lost updates) or by -TenantId (by property name). Every change honours
/// -WhatIf/-Confirm; -PassThru returns the updated plan (or what the cmdlet added to it); -Force applies a
/// change to a plan that someone else saved since it was read.</summary>
public abstract class FtPlanChangeCmdlet : FtWorkspaceCmdlet
{
    protected const string ByPlan = "ByPlan";
    protected const string ByTenant = "ByTenant";

    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByPlan)]
    public CustomerPlan? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByTenant)]
    [ArgumentCompleter(typeof(Completion.TenantIdCompleter))]
    public Guid TenantId { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    [Parameter]
    [ValidateRange(1, 3600)]
    [PSDefaultValue(Value = 10)] // PlanStore.DefaultLockTimeout; help shows it, HelpTests hold the two equal
    public int LockTimeout { get; set; } = (int)PlanStore.DefaultLockTimeout.TotalSeconds;

    protected override TimeSpan LockWait => TimeSpan.FromSeconds(LockTimeout);

    protected Guid TargetTenant => InputObject?.TenantId ?? TenantId;

    /// <summary>Applies the change through the store; ShouldProcess is asked with the validated result.
    /// Returns the saved plan, or null when nothing was written (-WhatIf, declined, or an error).</summary>
    protected CustomerPlan? ChangePlan(string action, Action<CustomerPlan> change)
    {
        CustomerPlan? updated = null;
        Guard(() =>
        {
            updated = Store.Update(TargetTenant, InputObject?.Revision, Force, change,
                plan => ShouldProcess($"{plan.Customer} ({plan.TenantId})", Describe(action, plan)));
            if (updated is not null && PassThru) WriteObject(PassThruOf(updated));
        });
        return updated;
    }

    // -WhatIf and -Confirm say what changes, field by field, against the plan as it is stored now.
    private string Describe(string action, CustomerPlan after)
    {
        var changes = PlanDifferences.Between(Store.Read(after.TenantId), after);
        return changes.Count == 0 ? $"{action} (nothing changes)" : $"{action}: {string.Join("; ", changes)}";
    }

    /// <summary>What -PassThru returns once the change is saved: the plan, unless the cmdlet adds something that
    /// the next cmdlet of the pipeline takes by itself (Add-FtBlocker returns the blocker, for Resolve-FtBlocker).</summary>
    protected virtual object PassThruOf(CustomerPlan saved) => saved;
}
