using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Core.Graph;

/// <summary>Graph's budget for report calls of one app and tenant: 14 per 10 minutes, counted per report API
/// (a Teams call and an Outlook call spend one each of two budgets). A measurement calls each report once, so
/// fetching a tenant's reports at once stays far inside it; what it guards is a report asked for again and
/// again (downloads cut off and sent again, many measurements without a cache). A call past the budget would
/// be refused with 429 and spend the wait anyway, so it waits here, said in the log, for the oldest call to
/// leave the window; the throttling handler still honours any 429 Graph sends for its own reasons.</summary>
internal sealed class ReportBudget
{
    public const int Calls = 14;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _calls = new(StringComparer.OrdinalIgnoreCase);
    private readonly GraphOptions _options;

    public ReportBudget(GraphOptions options) => _options = options;

    /// <summary>Spends one call of <paramref name="function"/>'s budget, first waiting for one when it is spent;
    /// a wait longer than the retry policy's longest Retry-After fails with GraphLimitsExceeded.</summary>
    public async Task Spend(string function, string what, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = TryTake(function);
            if (wait is null) return;
            if (wait.Value > _options.Retry.MaxRetryAfter) throw GraphErrors.GraphLimitsExceeded(what, 429).ToException();
            _options.Log?.Invoke($"{what}: Graph's budget of {Calls} calls per {Window.TotalMinutes:0} minutes for this report is spent; waiting {wait.Value.TotalSeconds:0} s.");
            await _options.Retry.Delay(wait.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    // Null when the call was counted; else how long until the oldest call leaves the window.
    private TimeSpan? TryTake(string function)
    {
        lock (_calls)
        {
            var now = _options.Clock();
            if (!_calls.TryGetValue(function, out var times)) _calls[function] = times = new Queue<DateTimeOffset>();
            while (times.Count > 0 && now - times.Peek() >= Window) times.Dequeue();
            if (times.Count < Calls)
            {
                times.Enqueue(now);
                return null;
            }
            return times.Peek() + Window - now;
        }
    }
}
