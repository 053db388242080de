using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Core.Concurrency;

/// <summary>One item's result from <see cref="Throttled.Run{TItem, TResult}"/>: its value or what it threw.</summary>
public sealed class Completed<TItem, TResult>
{
    internal Completed(TItem item, TResult? result, Exception? error)
    {
        Item = item;
        Result = result;
        Error = error;
    }

    public TItem Item { get; }
    public TResult? Result { get; }
    public Exception? Error { get; }
}

/// <summary>Runs work for many items (tenants) at most <c>limit</c> at a time and hands the results
/// back, as they complete, to the one thread that enumerates them: the PowerShell pipeline thread, the
/// only one allowed to write output, progress, errors and to ask ShouldProcess.</summary>
public static class Throttled
{
    public static IEnumerable<Completed<TItem, TResult>> Run<TItem, TResult>(IReadOnlyList<TItem> items, int limit,
        Func<TItem, CancellationToken, TResult> work, CancellationToken cancellationToken)
    {
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit));
        using var done = new BlockingCollection<Completed<TItem, TResult>>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var gate = new SemaphoreSlim(limit, limit);
        var pending = items.Count;
        if (pending == 0) yield break;

        var starter = Task.Run(async () =>
        {
            foreach (var item in items)
            {
                try { await gate.WaitAsync(stop.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }
                // A thread of its own: the work blocks on network I/O, and the thread pool grows too slowly for that.
                _ = Task.Factory.StartNew(() =>
                {
                    Completed<TItem, TResult> completed;
                    try { completed = new Completed<TItem, TResult>(item, work(item, stop.Token), null); }
                    catch (Exception ex) { completed = new Completed<TItem, TResult>(item, default, ex); }
                    finally { gate.Release(); }
                    try
                    {
                        done.Add(completed);
                        if (Interlocked.Decrement(ref pending) == 0) done.CompleteAdding();
                    }
                    catch (Exception ex) when (ex is ObjectDisposedException || ex is InvalidOperationException)
                    {
                        // The consumer left early; nobody waits for this result.
                    }
                }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
        });

        try
        {
            foreach (var completed in done.GetConsumingEnumerable(cancellationToken)) yield return completed;
        }
        finally
        {
            // Leaving early (an error, Ctrl+C): stop what has not started and let running work see the token.
            stop.Cancel();
        }
    }
}
