using System.Diagnostics;

namespace FastTrack.GraphEmulator;

/// <summary>One link of a given bandwidth that every report body shares, as a tenant's internet connection
/// is shared by its downloads: each chunk is sent when the chunks before it, of any download, would have
/// crossed. Concurrency then buys no bandwidth, only hidden latency, as on a real link.</summary>
internal sealed class LinkPacer
{
    // Timers wake a millisecond or so late: a late chunk may use up to this much of the time the link was
    // idle, so the average rate stays the one asked for (a burst of at most Slack × rate bytes, 250 KB at
    // 50 MB/s). Any more would let a download after a pause run faster than the link.
    private static readonly long Slack = Stopwatch.Frequency / 200;
    private readonly double _ticksPerByte;
    private readonly object _gate = new();
    private long _freeAt;

    public LinkPacer(long bytesPerSecond)
    {
        if (bytesPerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(bytesPerSecond));
        BytesPerSecond = bytesPerSecond;
        _ticksPerByte = (double)Stopwatch.Frequency / bytesPerSecond;
    }

    public long BytesPerSecond { get; }

    /// <summary>Waits until <paramref name="bytes"/> more would have crossed the link.</summary>
    public Task Send(int bytes, CancellationToken cancellationToken)
    {
        long due;
        lock (_gate)
        {
            var start = Math.Max(Stopwatch.GetTimestamp() - Slack, _freeAt);
            _freeAt = start + (long)(bytes * _ticksPerByte);
            due = _freeAt;
        }
        var wait = Stopwatch.GetElapsedTime(0, due - Stopwatch.GetTimestamp());
        return wait > TimeSpan.FromMilliseconds(1) ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}
