using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FastTrack.Core.Errors;
using FastTrack.Core.Licensing;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Usage;

/// <summary>What one measurement has read from a source: each report scanned at most once (streaming, with one
/// <see cref="UsersSeen"/> across them) and the subscriptions fetched at most once. A report the source failed to
/// give (a download refused, throttled, cut off) or gave with no user is a failure of the services that need it;
/// a report that is malformed, or a date the source does not hold, stops the measurement.</summary>
internal sealed class SourceReadings
{
    private readonly IUsageDataSource _source;
    private readonly DateTime? _asOf;
    private readonly IProgress<UsageProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly Func<DateTimeOffset> _clock;
    private readonly UsersSeen _users = new();
    private readonly Dictionary<ReportKind, Outcome<ReportScan?>> _reports = new();
    private Outcome<IReadOnlyList<SubscribedSku>?>? _skus;

    public SourceReadings(IUsageDataSource source, DateTime? asOf, IProgress<UsageProgress>? progress, Func<DateTimeOffset> clock, CancellationToken cancellationToken)
    {
        _clock = clock;
        _source = source;
        _asOf = asOf;
        _progress = progress;
        _cancellationToken = cancellationToken;
    }

    public string Description => _source.Description;
    public Guid? TenantId => _source.TenantId;

    /// <summary>The scanned report; a null value when the source does not have it.</summary>
    public Outcome<ReportScan?> Report(ReportKind kind)
    {
        if (!_reports.TryGetValue(kind, out var outcome)) _reports[kind] = outcome = Read(kind);
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

    private IEnumerable<ReportScan> Scanned => _reports.Values.Where(o => o.Succeeded && o.Value is not null).Select(o => o.Value!);

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

    private Outcome<ReportScan?> Read(ReportKind kind)
    {
        ReportContent? content;
        try { content = _source.OpenReport(kind, _asOf); }
        catch (FtException ex) when (!UsageErrors.IsDateNotHeld(ex.Error))
        {
            return Outcome<ReportScan?>.Fail(ex.Error);
        }
        if (content is null) return Outcome<ReportScan?>.Ok(null);
        ReportScan scan;
        using (content) scan = Scan(content, kind);
        // A header and no user: measured, it would be 0% as of a day it does not have.
        return scan.Rows == 0
            ? Outcome<ReportScan?>.Fail(ReportErrors.ReportEmpty(scan.SourceName, ReportDefinition.For(kind).GraphFunction))
            : Outcome<ReportScan?>.Ok(scan);
    }

    private ReportScan Scan(ReportContent content, ReportKind kind)
    {
        using var rows = ReportRows.Open(content.Stream, content.Name, ReportDefinition.For(kind));
        var progress = _progress;
        return ReportScanner.Scan(rows, ReportDefinition.For(kind),
            progress is null ? null : bytes => progress.Report(new UsageProgress(content.Name, bytes, content.Length)), _cancellationToken, users: _users, clock: _clock);
    }
}
