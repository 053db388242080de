using System;
using FastTrack.Core.Errors;
using FastTrack.Core.Plans;
using FastTrack.Core.Stores;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Workflow;

/// <summary>Decides, for each plan of a scheduled run, whether this runner runs it, when several runners share a
/// workspace: it claims the plan (<see cref="IRunClaims"/>), then reads the plan again and skips it if a run was
/// saved today. The claim is held until the run is saved, so no plan runs twice on a day, whichever runner gets it.
/// "Today" is the UTC date: runners in different time zones (and Azure Automation, which runs in UTC) agree on
/// it, and it is the day Graph's reports and the report cache are kept by.</summary>
public sealed class RunGate : IDisposable
{
    private readonly PlanStore _store;
    private readonly IRunClaims? _claims;
    private readonly Func<DateTimeOffset> _clock;
    private readonly bool _force;

    /// <param name="claim">False for -WhatIf: a preview claims nothing, so it never holds a real runner up.</param>
    /// <param name="force">Run a plan even if it ran today.</param>
    public RunGate(PlanStore store, Func<DateTimeOffset> clock, bool force, bool claim)
    {
        _store = store;
        _clock = clock;
        _force = force;
        _claims = claim ? WorkspaceStorage.RunClaims(store.Workspace) : null;
    }

    /// <summary>The plan as it is now, with this runner's claim on it; or why this runner does not run it.</summary>
    public GatePass Enter(CustomerPlan plan)
    {
        var claim = _claims?.TryClaim(plan.TenantId);
        if (_claims is not null && claim is null)
            return GatePass.Skip($"{plan.Customer} ({plan.TenantId}): skipped, another runner has it now.");
        try
        {
            // Read again under the claim: the copy listed when the run began may be older than another runner's save.
            var current = _store.Read(plan.TenantId);
            if (!_force && RanToday(current))
            {
                claim?.Dispose();
                return GatePass.Skip($"{current.Customer} ({current.TenantId}): skipped, already run today " +
                    $"({current.LastRun!.RunOn.ToUniversalTime():yyyy-MM-dd HH:mm} UTC); -Force runs it again.");
            }
            return GatePass.Run(current, claim);
        }
        catch
        {
            claim?.Dispose();
            throw;
        }
    }

    /// <summary>Stops renewing claims: call when the run is over (its claims are released by then).</summary>
    public void Dispose() => _claims?.Dispose();

    private bool RanToday(CustomerPlan plan) =>
        plan.LastRun is { } last && last.RunOn.UtcDateTime.Date == _clock().UtcDateTime.Date;
}
