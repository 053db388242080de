using System;
using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Plans;

[Cmdlet(VerbsCommon.New, "FtCustomerPlan", SupportsShouldProcess = true)]
[OutputType(typeof(CustomerPlan))]
public sealed class NewFtCustomerPlanCommand : FtWorkspaceCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public Guid TenantId { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Customer { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Domain")]
    public string? PrimaryDomain { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [PSDefaultValue(Value = CustomerSegment.Enterprise)]
    public CustomerSegment Segment { get; set; } = CustomerSegment.Enterprise;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? CsmName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? CsmEmail { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? FastTrackManagerName { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? FastTrackManagerEmail { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [PSDefaultValue(Value = PlanPhase.SuccessExecution)]
    public PlanPhase Phase { get; set; } = PlanPhase.SuccessExecution;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string[]? IntendedService { get; set; }

    protected override void ProcessRecord()
    {
        var intended = ResolveServices(IntendedService ?? Array.Empty<string>());
        Guard(() =>
        {
            var plan = CustomerPlan.New(Context.Catalog, TenantId, Customer, Context.Now);
            new PlanUpdate
            {
                PrimaryDomain = PrimaryDomain,
                Segment = Segment,
                CsmName = CsmName,
                CsmEmail = CsmEmail,
                FastTrackManagerName = FastTrackManagerName,
                FastTrackManagerEmail = FastTrackManagerEmail,
                Phase = Phase,
                Services = intended,
                Intended = intended.Count > 0 ? true : null,
            }.ApplyTo(plan, Context.Today);
            var created = Store.Create(plan, p => ShouldProcess($"{p.Customer} ({p.TenantId})", $"Create customer success plan in {Store.Workspace}"));
            if (created is not null) WriteObject(created);
        });
    }
}
