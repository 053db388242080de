using System;
using System.Collections.Generic;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Plans;

/// <summary>What the last Invoke-FtSuccessExecution saw for a plan, kept so the next run can say what
/// changed since: its next actions, the AU it measured and the criteria that passed.</summary>
public sealed class ExecutionRun
{
    public DateTimeOffset RunOn { get; set; }
    public List<RecordedAction> Actions { get; set; } = new();
    public List<RecordedUsage> Usage { get; set; } = new();
    public List<string> CriteriaPassed { get; set; } = new();
    /// <summary>Where this run measured AU; null when it did not.</summary>
    public string? Source { get; set; }
    /// <summary>Why this run did not measure AU, and what the rules rested on instead.</summary>
    public string? NotMeasured { get; set; }
}

/// <summary>A next action by its identity (kind, task, blocker, activity, services) and its title then.</summary>
public sealed class RecordedAction
{
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
}

public sealed class RecordedUsage
{
    public M365Service Service { get; set; }
    public DateTime AsOf { get; set; }
    public double? ActiveUsagePercent { get; set; }
}
