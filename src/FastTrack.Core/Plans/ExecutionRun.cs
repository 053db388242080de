using System;
using FastTrack.Core.Playbook;
using FastTrack.Core.Text;

namespace FastTrack.Core.Plans;

/// <summary>What the last Invoke-FtSuccessExecution saw for a plan, kept so the next run can say what
/// changed since: its next actions, the AU it measured and the criteria that passed.</summary>
public sealed class ExecutionRun
{
    public DateTimeOffset RunOn { get; set; }
    public JoinedList<RecordedAction> Actions { get; set; } = new();
    public JoinedList<RecordedUsage> Usage { get; set; } = new();
    public JoinedList<string> CriteriaPassed { get; set; } = new();
    /// <summary>Where this run measured AU; null when it did not.</summary>
    public string? Source { get; set; }
    /// <summary>Why this run did not measure AU, and what the rules rested on instead.</summary>
    public string? NotMeasured { get; set; }

    public override string ToString() => System.FormattableString.Invariant(
        $"{RunOn:yyyy-MM-dd HH:mm}: {Actions.Count} next action{(Actions.Count == 1 ? "" : "s")}; criteria passed: {(CriteriaPassed.Count == 0 ? "none" : CriteriaPassed.ToString())}");
}

/// <summary>A next action by its identity (kind, task, blocker, activity, services) and its title then.</summary>
public sealed class RecordedAction
{
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";

    public override string ToString() => Title;
}

public sealed class RecordedUsage
{
    public M365Service Service { get; set; }
    public DateTime AsOf { get; set; }
    public double? ActiveUsagePercent { get; set; }

    public override string ToString() => System.FormattableString.Invariant($"{Service} {AsOf:yyyy-MM-dd} {ActiveUsagePercent?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}%");
}
