using FastTrack.Core.Playbook;

namespace FastTrack.Core.Plans;

/// <summary>A success metric the customer defined for itself; meeting them is the page's alternative
/// to the 10% AU goal.</summary>
public sealed class SuccessMetric
{
    public string Name { get; set; } = "";
    public M365Service? Service { get; set; }
    public double Target { get; set; }
    public double? Current { get; set; }
    public string? Unit { get; set; }

    public bool? IsMet => Current is null ? null : Current >= Target;

    public override string ToString() => $"{Name}: {Current?.ToString() ?? "?"}/{Target}{Unit}";
}
