using System;
using System.Collections.Generic;
using System.Management.Automation;
using FastTrack.Core.Measurement;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Usage;
using FastTrack.Core.Usage.People;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Usage;

/// <summary>AU per service from a folder of exported reports (-Path), the sample tenant (-Sample), or
/// report rows piped in from Import-Csv; for the plans piped in or named by -TenantId, or for the data
/// alone; or for the users piped in (a cohort). -Save appends the measurement to each plan's usage history.
/// This file binds the input; the plans, the cohort and the rows are measured in the partial files beside it.</summary>
[Cmdlet(VerbsDiagnostic.Measure, "FtActiveUsage", SupportsShouldProcess = true, DefaultParameterSetName = DefaultSet)]
[OutputType(typeof(ActiveUsage), typeof(CohortUsage))]
public sealed partial class MeasureFtActiveUsageCommand : FtWorkspaceCmdlet
{
    private const string DefaultSet = "Default";
    private const string PathSet = "Path";
    private const string SampleSet = "Sample";

    private readonly List<CustomerPlan> _plans = new();
    private UsageSourceRequest? _request;

    /// <summary>A plan (by value), a user (a name, or an object with one), or a row of a usage report from Import-Csv.</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(TenantIdCompleter))]
    public Guid? TenantId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = SampleSet)]
    public SwitchParameter Sample { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string[]? Service { get; set; }

    [Parameter]
    public UsageBasis? Basis { get; set; }

    [Parameter]
    public DateTime? AsOf { get; set; }

    [Parameter]
    public SwitchParameter Save { get; set; }

    /// <summary>Measure into the plan even when the reports' users are of another domain than the plan's.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Save the services that were measured even when others failed.</summary>
    [Parameter]
    public SwitchParameter AllowPartial { get; set; }

    /// <summary>Tenants measured at once when many plans are piped in; 1 measures each as it arrives.</summary>
    [Parameter]
    [ValidateRange(1, 32)]
    [PSDefaultValue(Value = 4)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>With users piped in: measure each group of this property (Department, Office, Country...).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? GroupBy { get; set; }

    protected override void BeginProcessing()
    {
        var folder = ParameterSetName == PathSet ? ProviderPath(Path) : null;
        _request = Require(() => new UsageSourceRequest(folder, Sample));
    }

    protected override void ProcessRecord()
    {
        var input = InputObject?.BaseObject;
        if (input is CustomerPlan plan)
        {
            if (ThrottleLimit > 1) _plans.Add(plan); // measured together in EndProcessing
            else Guard(() => MeasurePlan(plan));
        }
        else if (InputObject is not null)
        {
            // A user (a string, or an object with an identity) joins the cohort; anything else is a report row.
            if (!CollectUser(InputObject)) CollectRow(InputObject);
        }
        else if (TenantId is { } tenantId)
        {
            Guard(() => MeasurePlan(Store.Read(tenantId)));
        }
    }

    protected override void EndProcessing()
    {
        if (_plans.Count == 1) Guard(() => MeasurePlan(_plans[0]));
        else if (_plans.Count > 1) MeasurePlans();
        else if (HasCohort) MeasureCohort();
        else if (HasRows) Guard(MeasureRows);
        else if (InputObject is null && TenantId is null && MyInvocation.ExpectingInput == false) Guard(() => MeasurePlan(null));
    }

    private IReadOnlyList<M365Service>? Services() => Service is null ? null : ResolveServices(Service);
}
