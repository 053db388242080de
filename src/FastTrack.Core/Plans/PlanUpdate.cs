using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;
using FastTrack.Core.Text;

namespace FastTrack.Core.Plans;

/// <summary>The changes Set-FtCustomerPlan asks for: null means "leave as is". Service settings apply
/// to every service in <see cref="Services"/>.</summary>
public sealed class PlanUpdate
{
    public string? Customer { get; set; }
    public string? PrimaryDomain { get; set; }
    public CustomerSegment? Segment { get; set; }
    public string? CsmName { get; set; }
    public string? CsmEmail { get; set; }
    public string? FastTrackManagerName { get; set; }
    public string? FastTrackManagerEmail { get; set; }
    public PlanPhase? Phase { get; set; }
    public DateTime? TargetDate { get; set; }
    public double? TrainingReachTarget { get; set; }

    public IReadOnlyList<M365Service>? Services { get; set; }
    public bool? Intended { get; set; }
    public DateTime? EnabledOn { get; set; }
    public DateTime? CommunicatedOn { get; set; }
    public double? BaselineAU { get; set; }
    public double? TargetAU { get; set; }
    public UsageBasis? Basis { get; set; }

    public ProgramDecision? OneDriveAdoptionProgram { get; set; }
    public DateTime? OneDriveAdoptionDecidedOn { get; set; }
    public IReadOnlyList<M365Service>? ServiceAcceleration { get; set; }

    /// <summary>The tenant's unattended sign-in; checked before it is saved.</summary>
    public Connections.ConnectionProfile? ConnectionProfile { get; set; }
    public bool RemoveConnectionProfile { get; set; }

    public bool ChangesServices => Intended is not null || EnabledOn is not null || CommunicatedOn is not null
        || BaselineAU is not null || TargetAU is not null || Basis is not null;

    public void ApplyTo(CustomerPlan plan, DateTime today)
    {
        if (Customer is not null) plan.Customer = Customer;
        if (PrimaryDomain is not null) plan.PrimaryDomain = PrimaryDomain;
        if (Segment is not null) plan.Segment = Segment.Value;
        if (Phase is not null) plan.Phase = Phase.Value;
        if (TargetDate is not null) plan.TargetDate = TargetDate.Value.Date;
        if (TrainingReachTarget is not null) plan.TrainingReachTarget = TrainingReachTarget;
        if (CsmName is not null || CsmEmail is not null)
            plan.Csm = Merge(plan.Csm, CsmName, CsmEmail);
        if (FastTrackManagerName is not null || FastTrackManagerEmail is not null)
            plan.FastTrackManager = Merge(plan.FastTrackManager, FastTrackManagerName, FastTrackManagerEmail);

        foreach (var entry in (Services ?? Array.Empty<M365Service>()).Select(plan.Service))
        {
            if (Intended is not null) entry.Intended = Intended.Value;
            if (EnabledOn is not null) (entry.EnabledOn, entry.EnabledSource) = (EnabledOn.Value.Date, null); // entered by hand
            if (CommunicatedOn is not null) entry.CommunicatedOn = CommunicatedOn.Value.Date;
            if (BaselineAU is not null) entry.BaselineAU = BaselineAU;
            if (TargetAU is not null) entry.TargetAU = TargetAU.Value;
            if (Basis is not null) entry.Basis = Basis.Value;
        }

        if (OneDriveAdoptionProgram is not null)
        {
            plan.Programs.OneDriveAdoption = OneDriveAdoptionProgram.Value;
            plan.Programs.OneDriveAdoptionDecidedOn = OneDriveAdoptionProgram == ProgramDecision.Undecided
                ? null
                : (OneDriveAdoptionDecidedOn ?? today).Date;
        }
        if (ServiceAcceleration is not null) plan.Programs.ServiceAcceleration = ServiceAcceleration.Distinct().ToJoinedList();
        if (RemoveConnectionProfile) plan.ConnectionProfile = null;
        if (ConnectionProfile is { } profile)
        {
            if (profile.Problem() is { } problem) throw Connections.ConnectionProfileErrors.ProfileInvalid(plan.TenantId, problem).ToException();
            plan.ConnectionProfile = profile;
        }
    }

    // An empty name or e-mail clears it; a CSM with neither is no CSM.
    private static Contact? Merge(Contact? current, string? name, string? email)
    {
        var merged = new Contact
        {
            Name = name ?? current?.Name ?? "",
            Email = email is null ? current?.Email : email.Length == 0 ? null : email,
        };
        return merged.Name.Length == 0 && merged.Email is null ? null : merged;
    }
}
