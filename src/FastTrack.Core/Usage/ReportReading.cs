using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using FastTrack.Core.Concurrency;
using FastTrack.Core.Errors;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Usage;

/// <summary>One report read on the readers' threads: whole, or in parts at once when it is large (ReportParts). It
/// ends in what a reading on the measurement's own thread ends in: an outcome (a scan, or a report with no user),
/// or the exception that stops the measurement, kept to be thrown when the measurement asks for the report.</summary>
internal sealed class ReportReading
{
    private readonly ReportContent _content;
    private readonly ReportDefinition _definition;
    private readonly Func<DateTimeOffset> _clock;
    private readonly ConcurrentBag<UsersSeen> _users;
    private readonly UsersSeen? _scratch;
    private readonly CancellationToken _cancellationToken;
    private readonly long _start;
    private readonly long _partBytes;
    private ReportParts? _parts;
    private long _bytesRead;
    private int _done;

    /// <param name="partBytes">The smallest part of a report read in parts (tests cut small reports into many).</param>
    /// <param name="scratch">Where a report read in parts puts its parts' users together (the measurement's).</param>
    public ReportReading(ReportKind kind, ReportContent content, Func<DateTimeOffset> clock, ConcurrentBag<UsersSeen> users, CancellationToken cancellationToken,
        long partBytes = ReportParts.MinPartBytes, UsersSeen? scratch = null)
    {
        _scratch = scratch;
        _partBytes = partBytes;
        Kind = kind;
        _content = content;
        _definition = ReportDefinition.For(kind);
        _clock = clock;
        _users = users;
        _cancellationToken = cancellationToken;
        _start = content.Stream.CanSeek ? content.Stream.Position : 0;
    }

    public ReportKind Kind { get; }
    public string Name => _content.Name;
    public long? Length => _content.Length;
    public bool Done => Volatile.Read(ref _done) != 0;
    public long BytesRead => _parts is { } parts ? parts.BytesRead : Volatile.Read(ref _bytesRead);
    public Outcome<ReportScan?> Outcome { get; private set; }
    /// <summary>What stops the measurement, or null.</summary>
    public ExceptionDispatchInfo? Stop { get; private set; }

    /// <summary>Queues the reading; a large report queues its parts ahead of the reports after it. Exactly one step
    /// ends the reading: the whole report's, or the part that finishes last.</summary>
    public void Start(BoundedWork work, int readers) => work.Add(() => Finish(() =>
    {
        if (Plan(readers) is not { } parts) return Whole();
        _parts = parts;
        var left = parts.Count;
        work.AddFirst(Enumerable.Range(0, parts.Count).Select(k => (Action)(() => Finish(() =>
        {
            try { parts.Read(k, _cancellationToken); }
            catch (OperationCanceledException) { } // the part that finishes last says so
            if (Interlocked.Decrement(ref left) != 0) return null;
            _cancellationToken.ThrowIfCancellationRequested();
            return Merged(parts);
        }))).ToList());
        return null;
    }));

    // The parts, or null to read the report whole (a file that cannot be read says so there, naming it).
    private ReportParts? Plan(int readers)
    {
        // Only bytes all there can be cut: a file on disk, or a buffer. A download still arriving (DownloadReader)
        // has no end to cut at yet, and is read as it arrives, from the top.
        // JSON pages (Graph's Copilot report) are read whole too: a cut is proven only between CSV records.
        if (_content.Stream is not (System.IO.FileStream or System.IO.MemoryStream) || _definition.IsJson) return null;
        try { return ReportParts.Plan(_content.Stream, _content.Name, _definition, ReportScanner.Today(_clock), readers, _partBytes, _users, _scratch); }
        catch (System.IO.IOException) { }
        try { _content.Stream.Position = _start; }
        catch (System.IO.IOException) { }
        return null;
    }

    // The parts put together; read whole when they cannot be.
    private ReportScan Merged(ReportParts parts)
    {
        var merged = parts.Merge();
        Volatile.Write(ref _bytesRead, parts.BytesRead);
        _parts = null;
        if (merged is { } scan) return scan;
        _content.Stream.Position = _start;
        return Whole();
    }

    private ReportScan Whole()
    {
        var users = Rent();
        try
        {
            using var rows = ReportRows.Open(_content.Stream, _content.Name, _definition);
            return ReportScanner.Scan(rows, _definition, bytes => Volatile.Write(ref _bytesRead, bytes), _cancellationToken, users: users, clock: _clock);
        }
        finally
        {
            _users.Add(users);
        }
    }

    private UsersSeen Rent() => _users.TryTake(out var users) ? users : new UsersSeen();

    // Runs a step; the one that gives the scan, or throws, ends the reading. A header and no user: measured, it
    // would be 0% as of a day it does not have.
    private void Finish(Func<ReportScan?> step)
    {
        try
        {
            if (step() is not { } scan) return;
            Outcome = scan.Rows == 0
                ? Outcome<ReportScan?>.Fail(ReportErrors.ReportEmpty(scan.SourceName, _definition.GraphFunction))
                : Outcome<ReportScan?>.Ok(scan);
        }
        catch (Exception ex)
        {
            Stop = ExceptionDispatchInfo.Capture(ex);
        }
        _content.Dispose();
        Volatile.Write(ref _done, 1);
    }
}
