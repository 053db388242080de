namespace FastTrack.Core.Portfolio;

/// <summary>One reason a customer is at risk: what it is, what it weighs, and the data it came from, named as the
/// plan holds it (a service's AU snapshot, a task, a check-in, a blocker), so a partner can check it.</summary>
public sealed class RiskReason
{
    public RiskReason(RiskKind kind, int weight, string text, string source)
    {
        Kind = kind;
        Weight = weight;
        Text = text;
        Source = source;
    }

    public RiskKind Kind { get; }
    public int Weight { get; }
    /// <summary>The reason in the culture asked for, with its figures and dates.</summary>
    public string Text { get; }
    /// <summary>Where in the plan it was read: "usageHistory Yammer 2026-11-28", "tasks 3740 OneDrive", "blockers #2".</summary>
    public string Source { get; }

    public override string ToString() => Text;
}
