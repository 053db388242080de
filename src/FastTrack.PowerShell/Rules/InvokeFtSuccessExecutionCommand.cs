using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using FastTrack.Core.Concurrency;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;
using FastTrack.PowerShell.Infrastructure;
using FastTrack.Core.Measurement;
using FastTrack.Core.Workflow;

namespace FastTrack.PowerShell.Rules;

/// <summary>The scheduled-job entry point: for every plan (or those piped in), measure AU when a source is
/// at hand, save the snapshot, apply the rules, and return the next actions and what changed since the
/// last run. Tenants are prepared in parallel (-ThrottleLimit); saving, output and errors stay on the
/// pipeline thread. -WhatIf returns the same result and writes nothing.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "FtSuccessExecution", SupportsShouldProcess = true, DefaultParameterSetName = AllPlans)]
[OutputType(typeof(SuccessExecutionResult))]
public sealed class InvokeFtSuccessExecutionCommand : FtPlanInputCmdlet
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<CustomerPlan> _plans = new();
    private Workspace? _workspace;
    private string? _folder;
    private CultureInfo? _culture;

    /// <summary>A folder of exported reports (one tenant's: other plans are refused).</summary>
    [Parameter] [ValidateNotNullOrEmpty] public string? Path { get; set; }

    [Parameter] public SwitchParameter Sample { get; set; }

    [Parameter] public DateTime? AsOf { get; set; }

    [Parameter] public SwitchParameter AllowPartial { get; set; }
    /// <summary>Measure each plan even when the reports' users are of another domain than the plan's.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    [Parameter] public CultureInfo? Culture { get; set; }

    [Parameter] [ValidateRange(1, 32)] public int ThrottleLimit { get; set; } = 4;

    protected override void BeginProcessing()
    {
        _workspace = ResolveWorkspace();
        _folder = Path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        _culture = OutputCulture(Culture);
    }

    protected override void ProcessRecord() => _plans.AddRange(InputPlans());

    protected override void EndProcessing()
    {
        var done = 0;
        try
        {
            foreach (var run in Throttled.Run(_plans, ThrottleLimit, Prepare, _stop.Token))
            {
                var plan = run.Item;
                WriteProgress(new ProgressRecord(2, "Running the playbook", $"{++done} of {_plans.Count} plans") { PercentComplete = done * 100 / _plans.Count, CurrentOperation = plan.Customer });
                WriteConnectionLog(plan.TenantId);
                if (run.Error is FtException failed) { WriteFtError(failed.Error); continue; }
                if (run.Error is OperationCanceledException) throw new PipelineStoppedException();
                if (run.Error is not null) throw run.Error;
                Guard(() => Finish(run.Result!));
            }
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            WriteProgress(new ProgressRecord(2, "Running the playbook", "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    protected override void StopProcessing() => _stop.Cancel();

    // Off the pipeline thread: no SessionState, no Write*.
    private (SuccessExecution Run, string? Source) Prepare(CustomerPlan plan, CancellationToken token)
    {
        var source = UsageSources.For(plan, _folder, Sample, _workspace!, token);
        return (SuccessExecution.Prepare(plan, PlaybookCatalog.Default, source, DateTimeOffset.Now, _culture!, AsOf, AllowPartial, token, Force), source?.Description);
    }

    private void Finish((SuccessExecution Run, string? Source) prepared)
    {
        var (run, source) = prepared;
        var result = run.Result;
        if (result.NotMeasured is { } why) WriteWarning(why);
        else WriteVerbose($"{result.Customer}: measured from {source}.");
        foreach (var failure in result.Failures) WriteFtError(failure);
        if (result.SnapshotWithheld)
        {
            WriteFtError(new FtError("SnapshotIncomplete", FtErrorKind.InvalidResult, result.TenantId,
                $"No AU snapshot was saved for {result.Customer}: {string.Join(", ", result.Failures.Select(f => f.Target))} could not be measured. Use -AllowPartial to save the rest."));
        }
        var measured = result.SnapshotWithheld ? 0 : result.Measured.Count;
        run.Save(Store, p => ShouldProcess($"{p.Customer} ({p.TenantId})",
            measured > 0 ? $"Save {measured} AU snapshot{(measured == 1 ? "" : "s")} and this run of the playbook" : "Save this run of the playbook"));
        WriteObject(result);
    }
}
