using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using FastTrack.Core.Measurement;
using FastTrack.Core.Plans;
using FastTrack.Core.Workflow;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Rules;

/// <summary>The scheduled-job entry point: for every plan (or those piped in), measure AU when a source is
/// at hand, save the snapshot, apply the rules, and return the next actions and what changed since the
/// last run. Tenants are prepared in parallel (-ThrottleLimit); saving, output and errors stay on the
/// pipeline thread. -WhatIf returns the same result and writes nothing.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "FtSuccessExecution", SupportsShouldProcess = true, DefaultParameterSetName = AllPlans)]
[OutputType(typeof(SuccessExecutionResult))]
public sealed class InvokeFtSuccessExecutionCommand : FtPlanInputCmdlet
{
    private readonly List<CustomerPlan> _plans = new();
    private UsageSourceRequest? _request;

    /// <summary>A folder of exported reports (one tenant's: other plans are refused).</summary>
    [Parameter] [ValidateNotNullOrEmpty] public string? Path { get; set; }

    [Parameter] public SwitchParameter Sample { get; set; }

    [Parameter] public System.DateTime? AsOf { get; set; }

    [Parameter] public SwitchParameter AllowPartial { get; set; }
    /// <summary>Measure each plan even when the reports' users are of another domain than the plan's.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    [Parameter] [ArgumentCompleter(typeof(Completion.CultureCompleter))] [PSDefaultValue(Help = "$PSUICulture")] public CultureInfo? Culture { get; set; }

    [Parameter] [ValidateRange(1, 32)] [PSDefaultValue(Value = 4)] public int ThrottleLimit { get; set; } = 4;

    protected override void BeginProcessing()
    {
        var folder = ProviderPath(Path);
        _request = Require(() => new UsageSourceRequest(folder, Sample));
    }

    protected override void ProcessRecord() => _plans.AddRange(InputPlans());

    protected override void EndProcessing() =>
        ForEachPlanThrottled(_plans, ThrottleLimit, "Running the playbook", 2, "plans", Prepare, (_, run) => Finish(run));

    // Off the pipeline thread: no SessionState, no Write*.
    private SuccessExecution Prepare(CustomerPlan plan, System.Threading.CancellationToken token)
    {
        var source = UsageSources.TryResolve(_request!, plan, token);
        return SuccessExecution.Prepare(plan, Context.Catalog, source, Context.Now, OutputCulture(Culture), AsOf, AllowPartial, token, Force);
    }

    private void Finish(SuccessExecution run)
    {
        var result = run.Result;
        if (result.NotMeasured is { } why) WriteWarning(why);
        else WriteVerbose($"{result.Customer}: measured from {result.Source}.");
        foreach (var failure in result.Failures) WriteFtError(failure);
        if (run.Withheld is { } withheld) WriteFtError(withheld);
        var measured = result.SnapshotWithheld ? 0 : result.Measured.Count;
        run.Save(Store, p => ShouldProcess($"{p.Customer} ({p.TenantId})",
            measured > 0 ? $"Save {measured} AU snapshot{(measured == 1 ? "" : "s")} and this run of the playbook" : "Save this run of the playbook"));
        WriteObject(result);
    }
}
