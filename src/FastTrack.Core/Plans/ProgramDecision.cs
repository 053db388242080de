namespace FastTrack.Core.Plans;

/// <summary>The customer's answer to an offered program (the OneDrive adoption service program).</summary>
public enum ProgramDecision
{
    Undecided,
    Accepted,
    Declined,
}
