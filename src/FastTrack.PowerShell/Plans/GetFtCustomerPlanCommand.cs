using System;
using System.Management.Automation;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Plans;

[Cmdlet(VerbsCommon.Get, "FtCustomerPlan")]
[OutputType(typeof(CustomerPlan))]
public sealed class GetFtCustomerPlanCommand : FtWorkspaceCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(CustomerNameCompleter))]
    public string[]? Customer { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(TenantIdCompleter))]
    public Guid[]? TenantId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("PrimaryDomain")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DomainCompleter))]
    public string[]? Domain { get; set; }

    [Parameter]
    public PlanPhase[]? Phase { get; set; }

    protected override void ProcessRecord()
    {
        var query = new PlanQuery { TenantIds = TenantId, Domains = Domain, Customers = Customer, Phases = Phase };
        foreach (var outcome in query.Run(Store)) WriteOutcome(outcome);
    }
}
