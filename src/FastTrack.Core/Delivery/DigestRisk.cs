using System.Collections.Generic;
using FastTrack.Core.Portfolio;

namespace FastTrack.Core.Delivery;

/// <summary>A customer at risk as the digest shows it: its level and score, and its heaviest reasons.</summary>
public sealed class DigestRisk
{
    internal DigestRisk(string customer, RiskLevel level, int score, string targetsMet, IReadOnlyList<RiskReason> reasons, int moreReasons)
    {
        Customer = customer;
        Level = level;
        Score = score;
        TargetsMet = targetsMet;
        Reasons = reasons;
        MoreReasons = moreReasons;
    }

    public string Customer { get; }
    public RiskLevel Level { get; }
    public int Score { get; }
    /// <summary>"1 of 3": intended services at or above their target.</summary>
    public string TargetsMet { get; }
    public IReadOnlyList<RiskReason> Reasons { get; }
    /// <summary>Reasons not shown (Get-FtPortfolio lists them all).</summary>
    public int MoreReasons { get; }

    public override string ToString() => $"{Customer}: {Level} ({Score})";
}
