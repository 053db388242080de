using System;

namespace FastTrack.Core.KeyInputs;

/// <summary>One service plan the tenant holds, as GET /organization lists it in assignedPlans: when it was
/// assigned to the tenant, and whether it is on. subscribedSkus says a plan is provisioned, never since when;
/// this is where the date is.</summary>
public sealed class AssignedPlan
{
    public Guid ServicePlanId { get; set; }
    /// <summary>Graph's service name ("exchange", "TeamspaceAPI", "SharePoint"...).</summary>
    public string Service { get; set; } = "";
    public string CapabilityStatus { get; set; } = "";
    public DateTime AssignedOn { get; set; }

    public bool IsEnabled => string.Equals(CapabilityStatus, "Enabled", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Service} {ServicePlanId} {CapabilityStatus} since {AssignedOn:yyyy-MM-dd}";
}
