using System;
using System.Linq;
using FastTrack.Core.Plans;
using FastTrack.Core.Text;

namespace FastTrack.Core.Portfolio;

/// <summary>One customer of the portfolio, as Get-FtPortfolio ranks it: its phase, each intended service against
/// its target, and a risk score with its reasons, heaviest first.</summary>
public sealed class PortfolioEntry
{
    internal PortfolioEntry(CustomerPlan plan, JoinedList<ServiceStanding> services, JoinedList<RiskReason> reasons, DateTime? lastMeasured)
    {
        TenantId = plan.TenantId;
        Customer = plan.Customer;
        Phase = plan.Phase;
        Csm = plan.Csm?.Name;
        Services = services;
        Reasons = reasons;
        LastMeasured = lastMeasured;
        RiskScore = reasons.Sum(r => r.Weight);
    }

    public Guid TenantId { get; }
    public string Customer { get; }
    public PlanPhase Phase { get; }
    public string? Csm { get; }
    public JoinedList<ServiceStanding> Services { get; }
    /// <summary>The sum of the reasons' weights.</summary>
    public int RiskScore { get; }
    public RiskLevel RiskLevel => RiskScore >= 50 ? RiskLevel.High : RiskScore >= 20 ? RiskLevel.Medium : RiskLevel.Low;
    public bool AtRisk => RiskLevel != RiskLevel.Low;
    public JoinedList<RiskReason> Reasons { get; }
    /// <summary>The heaviest reason, for a one-line view; all of them are in <see cref="Reasons"/>.</summary>
    public string TopReason => Reasons.Count == 0 ? "" : Reasons[0].Text + (Reasons.Count > 1 ? $" (+{Reasons.Count - 1} more)" : "");
    public DateTime? LastMeasured { get; }
    /// <summary>"2 of 3": intended services at or above their target.</summary>
    public string TargetsMet => $"{Services.Count(s => s.MeetsTarget == true)} of {Services.Count}";

    public override string ToString() => $"{Customer}: {RiskLevel} ({RiskScore})";
}
