using System;
using FastTrack.Core.Text;

namespace FastTrack.Core.Plans;

/// <summary>A move of the plan from one phase to another, with who, when and — when the criteria did
/// not pass and it was forced — why.</summary>
public sealed class PhaseChange
{
    public PlanPhase From { get; set; }
    public PlanPhase To { get; set; }
    public DateTimeOffset On { get; set; }
    public string By { get; set; } = "";
    public bool Forced { get; set; }
    public string? Reason { get; set; }
    /// <summary>The criteria that did not pass when the move was forced.</summary>
    public JoinedList<string> FailedCriteria { get; set; } = new();

    public override string ToString() => System.FormattableString.Invariant($"{From} to {To} on {On:yyyy-MM-dd} by {By}{(Forced ? $" (forced: {Reason})" : "")}");
}
