using System.Management.Automation;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Plans;

[Cmdlet(VerbsCommon.Remove, "FtCustomerPlan", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = ByPlan)]
[OutputType(typeof(void))]
public sealed class RemoveFtCustomerPlanCommand : FtPlanChangeCmdlet
{
    protected override void ProcessRecord() => Guard(() =>
        Store.Remove(TargetTenant, InputObject?.Revision, Force,
            plan => ShouldProcess($"{plan.Customer} ({plan.TenantId})", $"Remove customer success plan (archived under {Store.Workspace.RemovedPlansLocation})")));
}
