using System;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;

namespace FastTrack.Core.Rules;

/// <summary>The latest measured active usage of a service: what the rules compare with the target, and the
/// denominator (licensed users or paid units) that training reach is counted against.</summary>
public sealed class UsageFact
{
    public UsageFact(M365Service service, double activeUsagePercent, DateTime asOf, long denominator = 0, UsageBasis basis = UsageBasis.PaidUnits)
    {
        Service = service;
        ActiveUsagePercent = activeUsagePercent;
        AsOf = asOf;
        Denominator = denominator;
        Basis = basis;
    }

    public M365Service Service { get; }
    public double ActiveUsagePercent { get; }
    public DateTime AsOf { get; }
    /// <summary>What the active users were divided by; 0 when not known.</summary>
    public long Denominator { get; }
    public UsageBasis Basis { get; }
}
