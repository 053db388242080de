using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using FastTrack.Core.Concurrency;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Usage;

// Reading ahead: the reports a measurement will ask for, read at once on a few threads.
internal sealed partial class SourceReadings
{
    // What a planning walk is told of a report not read yet: a failure, so the walk goes on to the next service.
    // Never seen outside a walk (the id is a real one only because every error is made by its area's factory).
    private static readonly Outcome<ReportScan?> NotYetRead =
        Outcome<ReportScan?>.Fail(UsageErrors.ReportMissing("a report not read yet", M365Service.Teams));

    private readonly List<ReportKind> _wanted = new();
    private bool _planning;

    /// <summary>Reads at once the reports <paramref name="walk"/> asks for: the measurement's own logic, run first
    /// as a plan. A walk that asks for a report not read yet is told "not yet" and goes on to the next service; the
    /// reports asked for are then read, at once, and the walk runs again, until it asks for nothing new (a report
    /// asked for only because another is missing, or for the licensed-users basis, comes in a second round). A walk
    /// stops at an exception (a report that stops the measurement): the measurement meets it there too. Asks the
    /// source for nothing that a reading one report at a time would not ask for, except when that reading would
    /// have stopped first (a report after the one that stops it may be opened).</summary>
    public void ReadAhead(Action<SourceReadings> walk)
    {
        if (_readers < 2) return;
        while (true)
        {
            _wanted.Clear();
            _planning = true;
            try { walk(this); }
            catch (Exception) { } // the measurement meets it again, in its place
            finally { _planning = false; }
            if (_wanted.Count == 0) return;
            ReadAtOnce(_wanted.ToList());
        }
    }

    // The source is asked on this thread, in the order the measurement would ask: its downloads and log lines keep
    // their order, and a source need not be thread-safe. The scans run on the readers' threads; no more reports are
    // open at once than there are readers (a source may hold a report in memory).
    private void ReadAtOnce(IReadOnlyList<ReportKind> kinds)
    {
        var work = new BoundedWork(_readers);
        var readings = new List<ReportReading>();
        var shown = new Dictionary<ReportReading, long>();
        void Progress() => ShowProgress(readings, shown);
        try
        {
            foreach (var kind in kinds)
            {
                ReportContent? content;
                try
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    content = _source.OpenReport(kind, _asOf);
                }
                catch (FtException ex) when (!UsageErrors.IsDateNotHeld(ex.Error))
                {
                    _reports[kind] = new Read(Outcome<ReportScan?>.Fail(ex.Error), null);
                    continue;
                }
                catch (Exception ex)
                {
                    // It stops the measurement: the reports after it are not needed.
                    _reports[kind] = new Read(default, ExceptionDispatchInfo.Capture(ex));
                    break;
                }
                if (content is null)
                {
                    _reports[kind] = new Read(Outcome<ReportScan?>.Ok(null), null);
                    continue;
                }
                var reading = new ReportReading(kind, content, _clock, _users, _cancellationToken, _partBytes, _scratch);
                readings.Add(reading);
                reading.Start(work, _readers);
                work.WaitUntil(() => readings.Count(r => !r.Done) < _readers, Progress);
            }
        }
        finally
        {
            // Every reading ends before the measurement goes on (or leaves): none outlives its report's stream.
            work.WaitAll(Progress);
        }
        work.ThrowIfFaulted();
        foreach (var reading in readings) _reports[reading.Kind] = new Read(reading.Outcome, reading.Stop);
    }

    // Progress on this thread, the only one that may write it: each report read further since the last look.
    private void ShowProgress(List<ReportReading> readings, Dictionary<ReportReading, long> shown)
    {
        if (_progress is null) return;
        foreach (var reading in readings)
        {
            var bytes = reading.BytesRead;
            if (bytes <= (shown.TryGetValue(reading, out var before) ? before : 0)) continue;
            shown[reading] = bytes;
            _progress.Report(new UsageProgress(reading.Name, bytes, reading.Length));
        }
    }
}
