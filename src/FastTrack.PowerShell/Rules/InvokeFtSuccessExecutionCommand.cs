using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using FastTrack.Core.Connections;
using FastTrack.Core.Errors;
using FastTrack.Core.Graph;
using FastTrack.Core.Measurement;
using FastTrack.Core.Plans;
using FastTrack.Core.Workflow;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Rules;

/// <summary>The scheduled-job entry point: for every plan (or those piped in), measure AU when a source is
/// at hand, save the snapshot, apply the rules, and return the next actions and what changed since the
/// last run. Tenants are prepared in parallel (-ThrottleLimit); saving, output and errors stay on the
/// pipeline thread. A plan whose tenant is not connected signs in from its connection profile (one command runs
/// the whole portfolio); a profile whose secret cannot be read fails that plan only. -WhatIf returns the same
/// result and writes nothing. Several runners can share a workspace: each plan is claimed by one
/// (<see cref="RunGate"/>), a plan run today is skipped unless -Force, and a result is written only for the plans
/// this runner ran (the others are said with -Verbose).</summary>
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
    private readonly Dictionary<Guid, ConnectionRequest> _signIns = new();
    private ProfileConnections? _profiles;

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
            ForEachPlanThrottled(SignInRequests(), ThrottleLimit, "Running the playbook", 2, "plans", Prepare, (_, run) => Finish(run));
        }
        finally
        {
            foreach (var pass in _passes) pass.Dispose(); // claims of plans a stopped pipeline never finished
            _gate.Dispose();
        }
    }

    // On the pipeline thread (a vault is read through this runspace): the sign-in of each plan that needs one. A plan
    // whose secret cannot be read is an error of its own and is not run; the others go on. A folder or the sample
    // given to the command is the source of every plan, so nobody signs in.
    private List<CustomerPlan> SignInRequests()
    {
        if (_request!.Folder is not null || _request.Sample) return _plans;
        var vault = _plans.Any(p => p.ConnectionProfile?.SecretName is not null);
        _profiles = new ProfileConnections(Context.Connections, SecretVault.Sources(this, vault), new GraphOptions { Clock = Context.Clock });
        var runnable = new List<CustomerPlan>();
        foreach (var plan in _plans)
        {
            try
            {
                if (_profiles.Request(plan) is { } signIn) _signIns[plan.TenantId] = signIn;
                runnable.Add(plan);
            }
            catch (FtException ex)
            {
                WriteFtError(ex.Error);
            }
        }
        return runnable;
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
            // Signed in only for the plans this runner runs.
            if (_signIns.TryGetValue(current.TenantId, out var signIn)) _profiles!.Connect(current, signIn, token);
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
        if (_signIns.ContainsKey(result.TenantId)) WriteVerbose($"{result.Customer}: signed in from the plan's connection profile.");
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
