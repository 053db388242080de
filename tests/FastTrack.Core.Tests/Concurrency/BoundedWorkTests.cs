using FastTrack.Core.Concurrency;

namespace FastTrack.Core.Tests.Concurrency;

/// <summary>The readers' work queue: every item queued runs once, and waiting for all ends when the last one has.</summary>
public sealed class BoundedWorkTests
{
    /// <summary>Items queue more items while others finish on the readers, as a report's planning queues its parts.
    /// The count of unfinished items was once raised without an atomic step: an item finishing at that moment was
    /// lost from the count, and waiting for all waited for ever.</summary>
    [Fact]
    public async Task Items_queued_while_others_finish_are_all_run_and_the_wait_ends()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        for (var round = 0; round < 2000; round++)
        {
            var work = new BoundedWork(2);
            var ran = 0;
            for (var i = 0; i < 8; i++)
            {
                work.Add(() =>
                {
                    Interlocked.Increment(ref ran);
                    work.AddFirst(Enumerable.Range(0, 4).Select(_ => (Action)(() => Interlocked.Increment(ref ran))).ToList());
                });
            }
            var waited = Task.Run(() => work.WaitAll());
            Assert.True(await Task.WhenAny(waited, Task.Delay(TimeSpan.FromSeconds(10))) == waited, $"round {round}: the wait for all items did not end ({work.Unfinished} unfinished, {ran} of 40 run)");
            Assert.Equal(40, ran);
            work.ThrowIfFaulted();
            if (DateTime.UtcNow > deadline) break; // enough rounds on a slow machine
        }
    }
}
