using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Rules;
using FastTrack.Core.Usage;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Rules;

/// <summary>The scheduled-job entry point: for every plan (or those piped in), measure AU when a source is
/// at hand, save the snapshot, apply the rules, and return the next actions and what changed since the
/// last run. -WhatIf returns the same result and writes nothing.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "FtSuccessExecution", SupportsShouldProcess = true, DefaultParameterSetName = AllPlans)]
[OutputType(typeof(SuccessExecutionResult))]
public sealed class InvokeFtSuccessExecutionCommand : FtPlanInputCmdlet
{
    private readonly CancellationTokenSource _stop = new();
    private int _done;

    /// <summary>A folder of exported reports (one tenant's: other plans are refused).</summary>
    [Parameter] [ValidateNotNullOrEmpty] public string? Path { get; set; }

    [Parameter] public SwitchParameter Sample { get; set; }

    [Parameter] public DateTime? AsOf { get; set; }

    [Parameter] public SwitchParameter AllowPartial { get; set; }

    [Parameter] public CultureInfo? Culture { get; set; }

    protected override void ProcessRecord()
    {
        var folder = Path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        foreach (var plan in InputPlans())
        {
            WriteProgress(new ProgressRecord(2, "Running the playbook", plan.Customer) { PercentComplete = -1, CurrentOperation = $"{++_done} plans" });
            Guard(() =>
            {
                var source = UsageSources.For(plan, folder, Sample, ResolveWorkspace(), _stop.Token);
                if (source is null) WriteVerbose($"{plan.Customer}: not measured (no usage source: connect its tenant with Connect-FtTenant, or give -Path or -Sample). The rules use the saved history.");
                else WriteVerbose($"{plan.Customer}: measuring from {source.Description}.");
                SuccessExecution run;
                try { run = SuccessExecution.Prepare(plan, PlaybookCatalog.Default, source, DateTimeOffset.Now, OutputCulture(Culture), AsOf, AllowPartial, _stop.Token); }
                finally { WriteConnectionLog(plan.TenantId); }
                foreach (var failure in run.Result.Failures) WriteFtError(failure);
                if (run.Result.SnapshotWithheld)
                {
                    WriteFtError(new FtError("SnapshotIncomplete", FtErrorKind.InvalidResult, plan.TenantId,
                        $"No AU snapshot was saved for {plan.Customer}: {string.Join(", ", run.Result.Failures.Select(f => f.Target))} could not be measured. Use -AllowPartial to save the rest."));
                }
                var measured = run.Result.SnapshotWithheld ? 0 : run.Result.Measured.Count;
                run.Save(Store, p => ShouldProcess($"{p.Customer} ({p.TenantId})",
                    measured > 0 ? $"Save {measured} AU snapshot{(measured == 1 ? "" : "s")} and this run of the playbook" : "Save this run of the playbook"));
                WriteObject(run.Result);
            });
        }
    }

    protected override void EndProcessing() =>
        WriteProgress(new ProgressRecord(2, "Running the playbook", "Done") { RecordType = ProgressRecordType.Completed });

    protected override void StopProcessing() => _stop.Cancel();
}
