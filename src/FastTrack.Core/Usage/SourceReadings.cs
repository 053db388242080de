using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using FastTrack.Core.Errors;
using FastTrack.Core.Licensing;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Usage;

/// <summary>What one measurement has read from a source: each report scanned at most once (streaming) and the
/// subscriptions fetched at most once. A report the source failed to give (a download refused, throttled, cut off)
/// or gave with no user is a failure of the services that need it; a report that is malformed, or a date the source
/// does not hold, stops the measurement. With more than one reader the reports a measurement needs are read ahead,
/// at once (<see cref="ReadAhead"/>); the measurement then finds each outcome, or the exception that stops it, where
/// a reading one report at a time would have met it, in the same order.</summary>
internal sealed partial class SourceReadings : IDisposable
{
    private readonly IUsageDataSource _source;
    private readonly DateTime? _asOf;
    private readonly IProgress<UsageProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly Func<DateTimeOffset> _clock;
    private readonly int _readers;
    private readonly long _partBytes;
    // The users seen by a scan, handed from one scan to the next: their arrays are kept, not grown again.
    private readonly ConcurrentBag<UsersSeen> _users = new();
    // Where a report read in parts puts its parts' users together: one for the measurement, its arrays grown once.
    private readonly UsersSeen _scratch = new();
    private readonly Dictionary<ReportKind, Read> _reports = new();
    // The reports in the order the measurement asked for them: what a reading one at a time would have read.
    private readonly List<ReportKind> _asked = new();
    private Outcome<IReadOnlyList<SubscribedSku>?>? _skus;

    /// <param name="readers">Threads reading reports at once; 1 reads each on the caller's thread when asked.</param>
    /// <param name="partBytes">The smallest part of a report read in parts.</param>
    public SourceReadings(IUsageDataSource source, DateTime? asOf, IProgress<UsageProgress>? progress, Func<DateTimeOffset> clock,
        CancellationToken cancellationToken, int readers = 1, long partBytes = ReportParts.MinPartBytes)
    {
        _partBytes = partBytes;
        _clock = clock;
        _source = source;
        _asOf = asOf;
        _progress = progress;
        _cancellationToken = cancellationToken;
        _readers = Math.Max(1, readers);
    }

    public string Description => _source.Description;
    public Guid? TenantId => _source.TenantId;

    /// <summary>The scanned report; a null value when the source does not have it.</summary>
    public Outcome<ReportScan?> Report(ReportKind kind)
    {
        if (_reports.TryGetValue(kind, out var read))
        {
            if (!_planning && !_asked.Contains(kind)) _asked.Add(kind);
            return read.Get();
        }
        if (_planning)
        {
            if (!_wanted.Contains(kind)) _wanted.Add(kind);
            return NotYetRead;
        }
        var outcome = ReadHere(kind);
        _reports[kind] = new Read(outcome, null);
        _asked.Add(kind);
        return outcome;
    }

    /// <summary>The subscriptions; a null value when the source has none.</summary>
    public Outcome<IReadOnlyList<SubscribedSku>?> SubscribedSkus()
    {
        if (_skus is null)
        {
            try { _skus = Outcome<IReadOnlyList<SubscribedSku>?>.Ok(_source.SubscribedSkus()); }
            catch (FtException ex) { _skus = Outcome<IReadOnlyList<SubscribedSku>?>.Fail(ex.Error); }
        }
        return _skus.Value;
    }

    private IEnumerable<ReportScan> Scanned => _asked.Select(k => _reports[k].Outcome).Where(o => o.Succeeded && o.Value is not null).Select(o => o.Value!);

    public bool ConcealedNames => Scanned.Any(s => s.ConcealedNames);

    /// <summary>The one refresh date of the reports read (the day asked for, or today, when none has rows);
    /// reports of different days cannot be measured together.</summary>
    public DateTime RefreshDate(DateTime today)
    {
        var dates = Scanned.Where(s => s.RefreshDate is not null).Select(s => s.RefreshDate!.Value).Distinct().ToList();
        if (dates.Count > 1)
        {
            throw ReportErrors.ReportsMixed(_source.Description,
                $"The reports of {_source.Description} were refreshed on different dates ({string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd")))})").ToException();
        }
        return dates.Count == 1 ? dates[0] : (_asOf ?? today).Date;
    }

    // A report read on this thread, when asked for.
    private Outcome<ReportScan?> ReadHere(ReportKind kind)
    {
        ReportContent? content;
        try { content = _source.OpenReport(kind, _asOf); }
        catch (FtException ex) when (!UsageErrors.IsDateNotHeld(ex.Error))
        {
            return Outcome<ReportScan?>.Fail(ex.Error);
        }
        if (content is null) return Outcome<ReportScan?>.Ok(null);
        ReportScan scan;
        var users = _users.TryTake(out var kept) ? kept : new UsersSeen();
        using (content) scan = Scan(content, kind, users);
        _users.Add(users);
        // A header and no user: measured, it would be 0% as of a day it does not have.
        return scan.Rows == 0
            ? Outcome<ReportScan?>.Fail(ReportErrors.ReportEmpty(scan.SourceName, ReportDefinition.For(kind).GraphFunction))
            : Outcome<ReportScan?>.Ok(scan);
    }

    private ReportScan Scan(ReportContent content, ReportKind kind, UsersSeen users)
    {
        using var rows = ReportRows.Open(content.Stream, content.Name, ReportDefinition.For(kind));
        var progress = _progress;
        return ReportScanner.Scan(rows, ReportDefinition.For(kind),
            progress is null ? null : bytes => progress.Report(new UsageProgress(content.Name, bytes, content.Length)), _cancellationToken, users: users, clock: _clock);
    }

    /// <summary>How a report's reading ended: its outcome, or what stops the measurement (thrown each time it is asked for).</summary>
    private readonly struct Read
    {
        public Read(Outcome<ReportScan?> outcome, ExceptionDispatchInfo? stop)
        {
            Outcome = outcome;
            Stop = stop;
        }

        public Outcome<ReportScan?> Outcome { get; }
        public ExceptionDispatchInfo? Stop { get; }

        public Outcome<ReportScan?> Get()
        {
            Stop?.Throw();
            return Outcome;
        }
    }

    /// <summary>Gives the users' tables' arrays back to the pools, once the measurement is done with its reports.</summary>
    public void Dispose()
    {
        while (_users.TryTake(out var users)) users.Release();
        _scratch.Release();
    }
}
