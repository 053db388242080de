using System;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Core.Graph;

/// <summary>How throttled and failed report calls are retried. Graph allows about 14 report calls per
/// 10 minutes per app and tenant, and says how long to wait in Retry-After; without it the wait grows
/// exponentially with full jitter, so parallel tenants do not retry in lockstep.</summary>
public sealed class RetryPolicy
{
    public int MaxAttempts { get; set; } = 5;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>A Retry-After longer than this is not waited for: the call fails with LimitsExceeded.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>How the wait is done; tests substitute one that records the waits.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; set; } = Task.Delay;

    private static readonly ThreadLocal<Random> s_random = new(() => new Random(Guid.NewGuid().GetHashCode()));

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1 (attempt counts from 1).</summary>
    public TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } told) return told;
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(s_random.Value!.NextDouble() * ceiling);
    }
}
