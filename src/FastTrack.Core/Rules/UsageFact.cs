using System;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Rules;

/// <summary>The latest measured active usage of a service: what the rules compare with the target.</summary>
public sealed class UsageFact
{
    public UsageFact(M365Service service, double activeUsagePercent, DateTime asOf)
    {
        Service = service;
        ActiveUsagePercent = activeUsagePercent;
        AsOf = asOf;
    }

    public M365Service Service { get; }
    public double ActiveUsagePercent { get; }
    public DateTime AsOf { get; }
}
