namespace FastTrack.Core.Measurement;

/// <summary>What the AU trend says about the target.</summary>
public enum ForecastStatus
{
    /// <summary>The latest snapshot is at or above the target.</summary>
    Reached,
    /// <summary>AU is rising; the projected date is when the fitted line crosses the target.</summary>
    OnTrack,
    /// <summary>AU is flat or falling, or the crossing is beyond the horizon: not reached at the current pace.</summary>
    NotAtCurrentPace,
    /// <summary>Fewer snapshots than a line can honestly be fitted to.</summary>
    InsufficientData,
}
