namespace FastTrack.Core.Portfolio;

/// <summary>Why a customer is at risk of not reaching its goals, each with its weight in the risk score
/// (<see cref="RiskRules"/>).</summary>
public enum RiskKind
{
    /// <summary>An intended service below its target whose trend is flat or falling: it will not get there alone.</summary>
    BelowTargetNotImproving,
    /// <summary>An intended service below its target, rising or with too few measurements to say.</summary>
    BelowTarget,
    /// <summary>A mandatory FTOP task past its due date.</summary>
    MandatoryTaskOverdue,
    /// <summary>A success check-in recorded as missed in the last 90 days.</summary>
    CheckInMissed,
    /// <summary>No AU measurement in the last 35 days (or none at all): the plan steers on old numbers.</summary>
    MeasurementStale,
    /// <summary>A blocker open for two weeks or more.</summary>
    BlockerOpenLong,
    /// <summary>A Modern Comms workload enabled but not yet handed to the CSM.</summary>
    HandshakePending,
}
