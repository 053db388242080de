using System;

namespace FastTrack.Core.Workspaces;

/// <summary>Which runner runs which plan, when several run the portfolio at once against one workspace: a runner
/// claims a plan before it runs it and holds the claim until the run is saved. A claim a runner stops holding
/// (killed, cut off) lapses by itself: in a blob container within the lease (<see cref="DefaultLease"/>), in a
/// folder at once (the operating system drops a dead process's lock).</summary>
public interface IRunClaims : IDisposable
{
    /// <summary>The claim on the plan, or null when another runner holds it now.</summary>
    IRunClaim? TryClaim(Guid tenantId);

    // Dispose: at the end of the run, stops renewing (every claim is released by then).
}

/// <summary>A plan claimed by this runner, held (renewed in the background) until disposed.</summary>
public interface IRunClaim : IDisposable
{
    /// <summary>Renews the claim now: false when it was lost (the lease ran out while this runner was stalled,
    /// and another runner may have the plan). Asked right before the run is saved.</summary>
    bool Renew();
}

/// <summary>The claim's lease: Azure allows 15 to 60 seconds. 60 s, renewed every 20 s, survives two missed
/// renewals (a stalled network, a busy machine) and still frees a killed runner's plans within a minute.</summary>
public static class RunClaimLease
{
    public const string EnvironmentVariable = "FASTTRACK_RUN_CLAIM_SECONDS";
    public static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(60);

    /// <summary>60 s, or $env:FASTTRACK_RUN_CLAIM_SECONDS (15-60; the tests shorten it to see a killed runner's
    /// claim lapse without waiting a minute).</summary>
    public static TimeSpan Duration =>
        int.TryParse(Environment.GetEnvironmentVariable(EnvironmentVariable), out var seconds) && seconds >= 15 && seconds <= 60
            ? TimeSpan.FromSeconds(seconds)
            : DefaultLease;
}
