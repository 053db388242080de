using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Core.Errors;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Graph;

/// <summary>The reports a connection is fetching, shared by every measurement of its tenant: each report is
/// downloaded once however many ask for it at the same time (a second caller reads the same download as it
/// arrives), at most <see cref="GraphOptions.MaxReportsInFlight"/> at once, and within Graph's report budget.
/// A report already in the workspace cache is read from there.</summary>
internal sealed class ReportDownloads
{
    private readonly GraphSession _session;
    private readonly SemaphoreSlim _slots;
    private readonly ReportBudget _budget;
    // Keyed by cache file: one download per report and day. A download leaves when it ends.
    private readonly Dictionary<string, Lazy<Task<ReportDownload>>> _inFlight = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _pagedGates = new(StringComparer.Ordinal);

    public ReportDownloads(GraphSession session)
    {
        _session = session;
        _slots = new SemaphoreSlim(Math.Max(1, session.Options.MaxReportsInFlight));
        _budget = new ReportBudget(session.Options);
    }

    /// <summary>The report, from the cache file <paramref name="path"/> or as it downloads into it. Graph's
    /// refusals (403, 429 after every retry...) throw here; a download that fails later throws from the stream
    /// (<see cref="ReportInterruption"/>), and <paramref name="interrupted"/> hears of it.</summary>
    /// <param name="committed">Hears of the file once it is whole and has its name (a blob workspace shares it).</param>
    public ReportContent Open(ReportKind kind, string path, string what, Action<FtError> interrupted, CancellationToken cancellationToken,
        Action<string>? committed = null)
    {
        while (true)
        {
            Lazy<Task<ReportDownload>>? entry;
            var joined = true;
            lock (_inFlight)
            {
                if (!_inFlight.TryGetValue(path, out entry))
                {
                    // Checked under the lock a download leaves by, after its file has its name: never both missed.
                    if (File.Exists(path)) return Cached(path, what);
                    Lazy<Task<ReportDownload>>? created = null;
                    created = new Lazy<Task<ReportDownload>>(() => Start(kind, path, what, () => Forget(path, created!), committed, cancellationToken));
                    _inFlight[path] = entry = created;
                    joined = false;
                }
            }
            _session.Options.Log?.Invoke(joined ? $"{what}: already downloading; read as it arrives." : $"{what}: downloading from Microsoft Graph.");
            ReportDownload download;
            try { download = entry.Value.GetAwaiter().GetResult(); }
            catch
            {
                Forget(path, entry);
                throw;
            }
            if (download.Attach(interrupted, cancellationToken) is { } reader) return new ReportContent(reader, what, download.Length);
            Forget(path, entry); // its readers left before the end and it was stopped: start it again
        }
    }

    /// <summary>A report Graph serves as JSON pages, from the cache file <paramref name="path"/> or fetched into it page by
    /// page first (<see cref="PagedReportDownload"/>): one fetch per file however many ask at once, within the reports in
    /// flight. Graph's refusals throw here, as for the CSV reports.</summary>
    public ReportContent OpenPaged(ReportKind kind, string path, string what, CancellationToken cancellationToken)
    {
        var gate = _pagedGates.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        gate.Wait(cancellationToken);
        try
        {
            if (File.Exists(path)) return Cached(path, what);
            _session.Options.Log?.Invoke($"{what}: downloading its pages from Microsoft Graph.");
            _slots.Wait(cancellationToken);
            try { PagedReportDownload.Fetch(_session, kind, path, what, cancellationToken).GetAwaiter().GetResult(); }
            finally { _slots.Release(); }
            return Cached(path, what);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Sends the report call, within the budget; the body's deadline is the download's.</summary>
    public async Task<ResponseBody> Send(ReportKind kind, string what, CancellationToken cancellationToken)
    {
        await _budget.Spend(ReportDefinition.For(kind).GraphFunction, what, cancellationToken).ConfigureAwait(false);
        return await _session.SendAsync(ReportRequests.For(_session.Client, kind), what, ReportRequests.Permission,
            _session.Options.DownloadTimeout, cancellationToken).ConfigureAwait(false);
    }

    private ReportContent Cached(string path, string what)
    {
        _session.Options.Log?.Invoke($"{what}: from the workspace cache.");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return new ReportContent(stream, what, stream.Length);
    }

    // Holds a slot from the call until the download ends; the download then gives it back.
    private async Task<ReportDownload> Start(ReportKind kind, string path, string what, Action forget, Action<string>? committed, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        ResponseBody? body = null;
        try
        {
            body = await Send(kind, what, cancellationToken).ConfigureAwait(false);
            var download = new ReportDownload(kind, what, ReportCache.Begin(path), _session.Options, this, cancellationToken) { Committed = committed };
            download.Run(body, ended: () =>
            {
                forget();
                _slots.Release();
            });
            return download;
        }
        catch
        {
            body?.Dispose();
            _slots.Release();
            throw;
        }
    }

    private void Forget(string path, Lazy<Task<ReportDownload>> entry)
    {
        lock (_inFlight)
        {
            if (_inFlight.TryGetValue(path, out var current) && ReferenceEquals(current, entry)) _inFlight.Remove(path);
        }
    }
}
