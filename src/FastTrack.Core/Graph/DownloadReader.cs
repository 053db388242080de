using System;
using System.IO;
using System.Threading;
using FastTrack.Core.Errors;
using FastTrack.Core.Usage;

namespace FastTrack.Core.Graph;

/// <summary>A report as its download arrives: reads wait for bytes not there yet and end only when the body is
/// whole. Seekable back over what has arrived, so the scanner can report progress and name a line in an error
/// (it reads the file again up to the row). A failed download makes the next read throw the report's error.</summary>
internal sealed class DownloadReader : Stream
{
    private readonly ReportDownload _download;
    private readonly FileStream _file;
    private readonly Action<FtError> _interrupted;
    private readonly CancellationToken _cancellation;
    private long _position;
    private bool _disposed;

    public DownloadReader(ReportDownload download, FileStream file, Action<FtError> interrupted, CancellationToken cancellation)
    {
        _download = download;
        _file = file;
        _interrupted = interrupted;
        _cancellation = cancellation;
    }

    public override bool CanRead => !_disposed;
    public override bool CanSeek => !_disposed;
    public override bool CanWrite => false;

    /// <summary>The announced length; without one, what has arrived so far (as a file still being written).</summary>
    public override long Length => _download.Length ?? _download.Written;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_disposed) throw new ObjectDisposedException(nameof(DownloadReader));
        if (count == 0) return 0;
        long available;
        try { available = _download.Available(_position, _cancellation); }
        catch (FtException ex) when (ReportInterruption.Is(ex))
        {
            _interrupted(ex.Error);
            throw;
        }
        if (available == 0) return 0;
        if (_file.Position != _position) _file.Position = _position;
        var read = _file.Read(buffer, offset, (int)Math.Min(count, available));
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => Length + offset,
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _file.Dispose();
            _download.Detach();
        }
        base.Dispose(disposing);
    }
}
