using FastTrack.Core.Playbook;

namespace FastTrack.Core.Plans;

/// <summary>A success metric the customer defined for itself. A metric of a service is that service's
/// alternative to the AU target (the page's "or a usage metric aligned with the customer's success
/// criteria"); a metric without a service is a customer-wide goal that replaces no service's AU.</summary>
public sealed class SuccessMetric
{
    public string Name { get; set; } = "";
    public M365Service? Service { get; set; }
    public double Target { get; set; }
    public double? Current { get; set; }
    public string? Unit { get; set; }
    /// <summary>Whether a higher or a lower value is better (tickets per week go down, meetings go up).</summary>
    public MetricDirection Direction { get; set; }

    public bool? IsMet => Current is not { } current ? null
        : Direction == MetricDirection.LowerIsBetter ? current <= Target : current >= Target;

    public override string ToString() =>
        $"{Name}: {Current?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}{Unit} ({(Direction == MetricDirection.LowerIsBetter ? "≤" : "≥")} {Target.ToString(System.Globalization.CultureInfo.InvariantCulture)}{Unit})";
}

public enum MetricDirection
{
    HigherIsBetter,
    LowerIsBetter,
}
