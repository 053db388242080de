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
/// pipeline thread. -WhatIf returns the same result and writes nothing. Several runners can share a workspace:
/// each plan is claimed by one (<see cref="RunGate"/>), a plan run today is skipped unless -Force, and a result is
/// written only for the plans this runner ran (the others are said with -Verbose).</summary>
[Cmdlet(VerbsLifecycle.Invoke, "FtSuccessExecution", SupportsShouldProcess = true, DefaultParameterSetName = AllPlans)]
[OutputType(typeof(SuccessExecutionResult))]
public sealed class InvokeFtSuccessExecutionCommand : FtPlanInputCmdlet
{
    private readonly List<CustomerPlan> _plans = new();
    private readonly System.Collections.Concurrent.ConcurrentBag<GatePass> _passes = new();
    private UsageSourceRequest? _request;
    private RunGate? _gate;
    // Plans claimed and not yet finished: at most -ThrottleLimit, so a runner never claims far ahead of what it
    // saves (the other runners take the rest).
    private System.Threading.SemaphoreSlim? _slots;

    /// <summary>A folder of exported reports (one tenant's: other plans are refused).</summary>
    [Parameter] [ValidateNotNullOrEmpty] public string? Path { get; set; }

    [Parameter] public SwitchParameter Sample { get; set; }

    [Parameter] public System.DateTime? AsOf { get; set; }

    [Parameter] public SwitchParameter AllowPartial { get; set; }
    /// <summary>Run a plan again that already ran today (UTC), and measure each plan even when the reports' users are
    /// of another domain than the plan's.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    [Parameter] [ArgumentCompleter(typeof(Completion.CultureCompleter))] [PSDefaultValue(Help = "$PSUICulture")] public CultureInfo? Culture { get; set; }

    [Parameter] [ValidateRange(1, 32)] [PSDefaultValue(Value = 4)] public int ThrottleLimit { get; set; } = 4;

    protected override void BeginProcessing()
    {
        var folder = ProviderPath(Path);
        _request = Require(() => new UsageSourceRequest(folder, Sample));
    }

    protected override void ProcessRecord() => _plans.AddRange(InputPlans());

    protected override void EndProcessing()
    {
        _gate = new RunGate(Store, Context.Clock, Force, claim: !IsWhatIf);
        _slots = new System.Threading.SemaphoreSlim(ThrottleLimit, ThrottleLimit);
        try
        {
            ForEachPlanThrottled(_plans, ThrottleLimit, "Running the playbook", 2, "plans", Prepare, (_, run) => Finish(run));
        }
        finally
        {
            foreach (var pass in _passes) pass.Dispose(); // claims of plans a stopped pipeline never finished
            _gate.Dispose();
        }
    }

    private bool IsWhatIf => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
        ? whatIf is SwitchParameter { IsPresent: true }
        : SessionState.PSVariable.GetValue("WhatIfPreference") is SwitchParameter { IsPresent: true } or true;

    // Off the pipeline thread: no SessionState, no Write*. The plan is claimed first, and read again under the claim.
    private Claimed Prepare(CustomerPlan plan, System.Threading.CancellationToken token)
    {
        _slots!.Wait(token);
        GatePass? pass = null;
        try
        {
            pass = _gate!.Enter(plan);
            _passes.Add(pass);
            if (pass.Plan is not { } current) return new Claimed(pass, null);
            var source = UsageSources.TryResolve(_request!, current, token);
            return new Claimed(pass, SuccessExecution.Prepare(current, Context.Catalog, source, Context.Now, OutputCulture(Culture), AsOf, AllowPartial, token, Force));
        }
        catch
        {
            pass?.Dispose();
            _slots.Release();
            throw;
        }
    }

    private void Finish(Claimed claimed)
    {
        try
        {
            FinishClaimed(claimed);
        }
        finally
        {
            _slots!.Release();
        }
    }

    private void FinishClaimed(Claimed claimed)
    {
        using var pass = claimed.Pass;
        if (claimed.Run is not { } run)
        {
            WriteVerbose(pass.Skipped);
            return;
        }
        if (pass.Lost() is { } lost)
        {
            WriteFtError(lost);
            return;
        }
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

    private sealed class Claimed
    {
        public Claimed(GatePass pass, SuccessExecution? run)
        {
            Pass = pass;
            Run = run;
        }

        public GatePass Pass { get; }
        public SuccessExecution? Run { get; }
    }
}
