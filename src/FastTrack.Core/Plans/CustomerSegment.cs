namespace FastTrack.Core.Plans;

/// <summary>Enterprise customers get a CSM handshake; SMB customers are pointed at adoption materials.</summary>
public enum CustomerSegment
{
    Enterprise,
    SMB,
}
