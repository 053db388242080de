using System;
using System.Collections.Generic;
using System.Threading;

namespace FastTrack.Core.Concurrency;

/// <summary>Work items run on at most a few threads of their own (CPU-bound work: as many as there are cores), in
/// the order queued, an item queued "first" ahead of the rest (the parts of a report under way, before the next
/// report). The thread that queues waits for what it needs with <see cref="WaitUntil"/>, which calls it back in
/// between on its own thread: the PowerShell pipeline thread, the only one that may write progress. An item
/// handles its own faults; one that escapes is kept for <see cref="ThrowIfFaulted"/>.</summary>
internal sealed class BoundedWork
{
    private readonly LinkedList<Action> _queue = new();
    private readonly int _threads;
    private readonly ManualResetEventSlim _changed = new(false);
    private int _running;
    private int _unfinished;
    private Exception? _fault;

    public BoundedWork(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads));
        _threads = threads;
    }

    /// <summary>Items queued and not yet finished.</summary>
    public int Unfinished => Volatile.Read(ref _unfinished);

    public void Add(Action item, bool first = false)
    {
        lock (_queue)
        {
            if (first) _queue.AddFirst(item);
            else _queue.AddLast(item);
            // Atomic, not ++: an item finishing on a reader counts down without the lock. A plain ++ could write back
            // a count read before that decrement, and the count then never came down to 0 (a measurement that waited
            // for ever; seen once in the fuzz tests of parts).
            Interlocked.Increment(ref _unfinished);
            if (_running == _threads) return;
            _running++;
        }
        // A thread of its own, not the pool's: a scan holds its core for seconds, and the pool grows slowly.
        new Thread(Work) { IsBackground = true, Name = "FastTrack report reader" }.Start();
    }

    /// <summary>Queues items ahead of every item waiting, in their order.</summary>
    public void AddFirst(IReadOnlyList<Action> items)
    {
        for (var i = items.Count - 1; i >= 0; i--) Add(items[i], first: true);
    }

    private void Work()
    {
        while (true)
        {
            Action item;
            lock (_queue)
            {
                if (_queue.Count == 0)
                {
                    _running--;
                    return;
                }
                item = _queue.First!.Value;
                _queue.RemoveFirst();
            }
            try { item(); }
            catch (Exception ex) { Interlocked.CompareExchange(ref _fault, ex, null); }
            finally
            {
                Interlocked.Decrement(ref _unfinished);
                _changed.Set();
            }
        }
    }

    /// <summary>Wakes a waiter to look again (an item reports progress, or a state the waiter waits for).</summary>
    public void Signal() => _changed.Set();

    /// <summary>Waits, on the caller's thread, until <paramref name="done"/> holds, calling <paramref name="between"/>
    /// whenever an item signals or finishes, and at least every <paramref name="interval"/>.</summary>
    public void WaitUntil(Func<bool> done, Action? between = null, int interval = 200)
    {
        while (true)
        {
            _changed.Reset();
            between?.Invoke();
            if (done()) return;
            _changed.Wait(interval);
        }
    }

    public void WaitAll(Action? between = null) => WaitUntil(() => Unfinished == 0, between);

    /// <summary>Throws what an item let escape (a fault of the code, not of a report), once nothing runs.</summary>
    public void ThrowIfFaulted()
    {
        if (Volatile.Read(ref _fault) is { } fault) throw new InvalidOperationException("A report reader failed: " + fault.Message, fault);
    }

    // The event is never disposed: a worker signals it after its last item, possibly after the waiter has gone.
}
