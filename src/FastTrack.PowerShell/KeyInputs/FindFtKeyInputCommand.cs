using System.Management.Automation;
using FastTrack.Core.KeyInputs;
using FastTrack.Core.Measurement;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.KeyInputs;

/// <summary>Finds each service's enabled date in the tenant's data (service plans assigned, daily activity) and
/// says where it comes from. Changes nothing: pipe what it finds to Set-FtCustomerPlan to record it.</summary>
[Cmdlet(VerbsCommon.Find, "FtKeyInput", DefaultParameterSetName = AllPlans)]
[OutputType(typeof(KeyInputProposal))]
public sealed class FindFtKeyInputCommand : FtPlanInputCmdlet
{
    private UsageSourceRequest? _request;

    /// <summary>The services to look at; the plan's intended services when not given (every service when none is intended).</summary>
    [Parameter] [ArgumentCompleter(typeof(ServiceCompleter))] public string[]? Service { get; set; }

    /// <summary>Reads the bundled sample tenant instead of a connected tenant.</summary>
    [Parameter] public SwitchParameter Sample { get; set; }

    protected override void BeginProcessing() => _request = Require(() => new UsageSourceRequest(sample: Sample));

    protected override void ProcessRecord()
    {
        var asked = Service is null ? null : ResolveServices(Service);
        foreach (var plan in InputPlans())
        {
            Guard(() =>
            {
                var source = UsageSources.TryResolve(_request!, plan, StopToken)
                    ?? throw KeyInputErrors.KeyInputTenantNotConnected(plan.Customer, plan.TenantId).ToException();
                WriteVerbose($"Finding the enabled dates for {plan.Customer} from {source.Description}.");
                try
                {
                    WriteObject(KeyInputDetector.Find(plan, asked, source), enumerateCollection: true);
                }
                finally
                {
                    WriteConnectionLog(plan.TenantId);
                }
            });
        }
    }
}
