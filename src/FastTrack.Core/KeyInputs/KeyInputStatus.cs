namespace FastTrack.Core.KeyInputs;

/// <summary>How a found enabled date stands against the plan's.</summary>
public enum KeyInputStatus
{
    /// <summary>The plan has no enabled date: the found one would be set.</summary>
    New,
    /// <summary>The plan has another date: the found one would replace it.</summary>
    Differs,
    /// <summary>The plan already has this date.</summary>
    Same,
    /// <summary>The tenant's data gives no date (the evidence says why): enter it by hand.</summary>
    NotFound,
}
