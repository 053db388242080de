namespace FastTrack.Core.Portfolio;

/// <summary>The risk score in words: High from 50, Medium from 20 (-AtRisk lists both), Low below.</summary>
public enum RiskLevel
{
    Low,
    Medium,
    High,
}
