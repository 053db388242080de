using System;
using FastTrack.Core.Errors;
using FastTrack.Core.Usage;
using FastTrack.Core.Rules;
using FastTrack.Core.Text;

namespace FastTrack.Core.Workflow;

/// <summary>One plan's run of the playbook: what was measured and saved, what to do now, and what
/// changed since the last run. What Invoke-FtSuccessExecution returns.</summary>
public sealed class SuccessExecutionResult
{
    public Guid TenantId { get; internal set; }
    public string Customer { get; internal set; } = "";
    public DateTimeOffset RunOn { get; internal set; }
    /// <summary>The plan's phase after the run: past SuccessExecution, no actions of this phase are proposed.</summary>
    public Plans.PlanPhase Phase { get; internal set; }
    /// <summary>Where AU came from, or null when the plan was not measured.</summary>
    public string? Source { get; internal set; }
    /// <summary>Why the plan was not measured and what the rules rest on instead; null when it was measured.</summary>
    public string? NotMeasured { get; internal set; }
    public JoinedList<ActiveUsage> Measured { get; internal set; } = new();
    /// <summary>Services that could not be measured, with why.</summary>
    public JoinedList<FtError> Failures { get; internal set; } = new();
    /// <summary>True once the snapshot and the run were written to the plan (false under -WhatIf).</summary>
    public bool Saved { get; internal set; }
    /// <summary>The snapshot was left out of the save: a service failed and partial saves were not allowed.</summary>
    public bool SnapshotWithheld { get; internal set; }
    public JoinedList<NextAction> NextActions { get; internal set; } = new();
    public JoinedList<SuccessCriterion> Criteria { get; internal set; } = new();
    public JoinedList<RunChange> Changes { get; internal set; } = new();

    public override string ToString() => $"{Customer}: {NextActions.Count} next actions, {Changes.Count} changes";
}
