using System;
using System.IO;
using System.Threading;
using FastTrack.Core.Errors;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Graph;

/// <summary>One report streaming from Graph into its cache file while the scanner reads it. The body is copied
/// to the file as fast as it arrives, whatever the readers' pace (a tenant's reports download at once even when
/// they are scanned one after another); readers read the file up to what has arrived and wait for more. The
/// file gets its cache name only once the body is whole, as long as announced; readers see its end only then.
/// A download that fails, or that its readers all leave before the end, deletes the file, and a reader still
/// there gets the report's error instead of an end (never a short report).</summary>
internal sealed partial class ReportDownload
{
    private readonly object _gate = new();
    private readonly ReportKind _kind;
    private readonly string _what;
    private readonly PendingFile _file;
    private readonly GraphOptions _options;
    private readonly ReportDownloads _downloads;
    private readonly CancellationToken _cancellation;
    private readonly CancellationTokenSource _stop;
    private long _written;
    private bool _complete;
    private bool _failed;
    private FtError? _error;
    private int _readers;
    private bool _left; // its readers all left before the end: stopping
    private long _length = -1;

    public ReportDownload(ReportKind kind, string what, PendingFile file, GraphOptions options, ReportDownloads downloads, CancellationToken cancellation)
    {
        _kind = kind;
        _what = what;
        _file = file;
        _options = options;
        _downloads = downloads;
        _cancellation = cancellation;
        // Stopped by the user (Ctrl+C) or by the last reader leaving early.
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
    }

    /// <summary>Called with the cache file's path once it is whole and named.</summary>
    public Action<string>? Committed { get; set; }

    /// <summary>The length the response announced, when it did.</summary>
    public long? Length
    {
        get => Interlocked.Read(ref _length) is var length && length >= 0 ? length : null;
        private set => Interlocked.Exchange(ref _length, value ?? -1);
    }

    /// <summary>The bytes in the file so far.</summary>
    public long Written
    {
        get { lock (_gate) return _written; }
    }

    /// <summary>A reader from the first byte, or null when the download was stopped because its readers left
    /// (the caller starts it again). A download that failed throws its error: that is the report's answer.</summary>
    public DownloadReader? Attach(Action<FtError> interrupted, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_failed && _error is { } error) throw error.ToException();
            if (_failed && _cancellation.IsCancellationRequested) throw new OperationCanceledException(_cancellation);
            if (_failed || _left) return null;
            // Until the rename (done under this lock) the bytes are under the temporary name.
            var stream = new FileStream(_complete ? _file.Path : _file.TempPath, FileMode.Open, FileAccess.Read,
                FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            _readers++;
            return new DownloadReader(this, stream, interrupted, cancellationToken);
        }
    }

    /// <summary>How many bytes from <paramref name="position"/> can be read now, waiting until there is one;
    /// 0 only at the end of a whole body. A failed download throws its error as a <see cref="ReportInterruption"/>.</summary>
    public long Available(long position, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            while (true)
            {
                if (_written > position) return _written - position;
                if (_complete) return 0;
                if (_failed)
                {
                    if (_error is { } error) throw ReportInterruption.Raise(error);
                    throw new OperationCanceledException(_cancellation);
                }
                cancellationToken.ThrowIfCancellationRequested();
                // Pulsed for every chunk written and at the end; the timeout only lets cancellation through.
                Monitor.Wait(_gate, 200);
            }
        }
    }

    /// <summary>A reader left. The last to leave before the end stops the download: nobody would read it.</summary>
    public void Detach()
    {
        bool stop;
        lock (_gate)
        {
            _readers--;
            stop = _left = _readers == 0 && !_complete && !_failed;
        }
        if (!stop) return;
        try { _stop.Cancel(); }
        catch (ObjectDisposedException) { } // it ended meanwhile
    }

    private void Appended(int count)
    {
        lock (_gate)
        {
            _written += count;
            Monitor.PulseAll(_gate);
        }
    }

    private void Complete()
    {
        try { _file.Flush(); }
        catch (IOException ex) { throw GraphErrors.ReportCacheNotWritable(_file.Path, ex.Message).ToException(); }
        lock (_gate)
        {
            try { _file.Commit(); }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw GraphErrors.ReportCacheNotWritable(_file.Path, ex.Message).ToException();
            }
            _complete = true;
            Monitor.PulseAll(_gate);
        }
        Committed?.Invoke(_file.Path);
    }

    // The temporary file goes first: once a reader hears of the failure, nothing of the report is left.
    private void Fail(FtError? error)
    {
        try { _file.Dispose(); }
        catch (IOException) { } // then a stray temporary file: it never gets the cache name, nothing reads it
        lock (_gate)
        {
            _failed = true;
            _error = error;
            Monitor.PulseAll(_gate);
        }
    }
}
