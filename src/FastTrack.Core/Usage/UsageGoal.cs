
namespace FastTrack.Core.Usage;

/// <summary>What a service is measured against: the plan's target and baseline, and its basis.</summary>
public sealed class UsageGoal
{
    public UsageGoal(double targetPercent, double? baselinePercent, UsageBasis basis)
    {
        TargetPercent = targetPercent;
        BaselinePercent = baselinePercent;
        Basis = basis;
    }

    public double TargetPercent { get; }
    public double? BaselinePercent { get; }
    public UsageBasis Basis { get; }
}
