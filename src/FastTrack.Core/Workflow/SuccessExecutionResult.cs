using System;
using System.Collections.Generic;
using FastTrack.Core.Errors;
using FastTrack.Core.Usage;
using FastTrack.Core.Rules;

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
    public IReadOnlyList<ActiveUsage> Measured { get; internal set; } = Array.Empty<ActiveUsage>();
    /// <summary>Services that could not be measured, with why.</summary>
    public IReadOnlyList<FtError> Failures { get; internal set; } = Array.Empty<FtError>();
    /// <summary>True once the snapshot and the run were written to the plan (false under -WhatIf).</summary>
    public bool Saved { get; internal set; }
    /// <summary>The snapshot was left out of the save: a service failed and partial saves were not allowed.</summary>
    public bool SnapshotWithheld { get; internal set; }
    public IReadOnlyList<NextAction> NextActions { get; internal set; } = Array.Empty<NextAction>();
    public IReadOnlyList<SuccessCriterion> Criteria { get; internal set; } = Array.Empty<SuccessCriterion>();
    public IReadOnlyList<RunChange> Changes { get; internal set; } = Array.Empty<RunChange>();

    public override string ToString() => $"{Customer}: {NextActions.Count} next actions, {Changes.Count} changes";
}
