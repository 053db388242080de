using FastTrack.Core.Concurrency;

namespace FastTrack.Core.Tests.Graph;

public sealed class ThrottledTests
{
    [Fact]
    public void Never_more_than_the_limit_run_at_once_and_every_item_comes_back_once()
    {
        var running = 0;
        var peak = 0;
        var results = Throttled.Run(Enumerable.Range(1, 20).ToList(), 3, (item, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            Thread.Sleep(20);
            Interlocked.Decrement(ref running);
            return item * 10;
        }, CancellationToken.None).ToList();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => i * 10).OrderBy(i => i), results.Select(r => r.Result).OrderBy(i => i));
        Assert.InRange(peak, 2, 3);
    }

    [Fact]
    public void A_failing_item_is_reported_and_the_others_complete()
    {
        var results = Throttled.Run(new[] { 1, 2, 3 }, 2, (item, _) => item == 2 ? throw new InvalidOperationException("two") : item, CancellationToken.None).ToList();
        Assert.Equal("two", Assert.Single(results, r => r.Error is not null).Error!.Message);
        Assert.Equal(new[] { 1, 3 }, results.Where(r => r.Error is null).Select(r => r.Result).OrderBy(i => i));
    }

    [Fact]
    public void Results_are_consumed_on_the_enumerating_thread()
    {
        var consumer = Environment.CurrentManagedThreadId;
        var workers = new System.Collections.Concurrent.ConcurrentBag<int>();
        foreach (var result in Throttled.Run(Enumerable.Range(0, 8).ToList(), 4, (i, _) => { workers.Add(Environment.CurrentManagedThreadId); return i; }, CancellationToken.None))
            Assert.Equal(consumer, Environment.CurrentManagedThreadId);
        Assert.DoesNotContain(consumer, workers);
    }

    [Fact]
    public void Cancelling_stops_promptly_and_unstarted_items_never_run()
    {
        using var cts = new CancellationTokenSource();
        var started = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        cts.CancelAfter(TimeSpan.FromMilliseconds(200));
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in Throttled.Run(Enumerable.Range(0, 100).ToList(), 2, (i, token) =>
            {
                Interlocked.Increment(ref started);
                token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                return i;
            }, cts.Token))
            { }
        });
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.True(started <= 4, $"{started} started");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = target) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}

