using System;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;

namespace FastTrack.Core.Plans;

/// <summary>One service in the plan: whether the customer intends to use it, the key-input dates, and
/// the AU it started from and must reach.</summary>
public sealed class PlannedService
{
    public M365Service Service { get; set; }
    public bool Intended { get; set; }
    public DateTime? EnabledOn { get; set; }
    /// <summary>Where <see cref="EnabledOn"/> was found (Find-FtKeyInput), or null when it was entered by hand.</summary>
    public string? EnabledSource { get; set; }
    public DateTime? CommunicatedOn { get; set; }
    /// <summary>AU % when the plan started tracking the service.</summary>
    public double? BaselineAU { get; set; }
    /// <summary>AU % to reach: the playbook's 10% unless the plan sets a higher level.</summary>
    public double TargetAU { get; set; }
    public UsageBasis Basis { get; set; } = UsageBasis.PaidUnits;

    public override string ToString() => $"{Service} {(Intended ? "intended" : "not intended")}, target {TargetAU}%";
}
