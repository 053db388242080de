using System;
using System.Collections.Generic;

namespace FastTrack.Core.Licensing;

/// <summary>A subscription of the tenant as Graph's subscribedSkus lists it: what the AU denominator
/// (paid available units) is made of.</summary>
public sealed class SubscribedSku
{
    public Guid SkuId { get; set; }
    public string SkuPartNumber { get; set; } = "";
    /// <summary>The tenant (Graph's accountId).</summary>
    public Guid AccountId { get; set; }
    public string CapabilityStatus { get; set; } = "";
    public int ConsumedUnits { get; set; }
    /// <summary>prepaidUnits.enabled: the paid units available to assign.</summary>
    public int EnabledUnits { get; set; }
    public IReadOnlyList<SkuServicePlan> ServicePlans { get; set; } = Array.Empty<SkuServicePlan>();
}

public sealed class SkuServicePlan
{
    public Guid ServicePlanId { get; set; }
    public string ServicePlanName { get; set; } = "";
    public string ProvisioningStatus { get; set; } = "";
}
