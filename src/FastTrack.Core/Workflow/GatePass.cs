using System;
using FastTrack.Core.Errors;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Workflow;

/// <summary>What <see cref="RunGate.Enter"/> decided: the plan to run (and the claim to hold until it is saved), or
/// the reason it is skipped.</summary>
public sealed class GatePass : IDisposable
{
    private GatePass(CustomerPlan? plan, IRunClaim? claim, string? skipped)
    {
        Plan = plan;
        Claim = claim;
        Skipped = skipped;
    }

    public CustomerPlan? Plan { get; }
    public IRunClaim? Claim { get; }
    /// <summary>Why this runner does not run the plan (for -Verbose); null when it runs it.</summary>
    public string? Skipped { get; }

    internal static GatePass Skip(string why) => new(null, null, why);

    internal static GatePass Run(CustomerPlan plan, IRunClaim? claim) => new(plan, claim, null);

    /// <summary>Null while the claim is held (or there is none to hold); RunClaimLost when it lapsed: the run is not saved.</summary>
    public FtError? Lost() => Claim is null || Claim.Renew() ? null : WorkspaceErrors.RunClaimLost(Plan!.TenantId, Plan.Customer);

    public void Dispose() => Claim?.Dispose();
}
