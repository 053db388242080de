using System;
using System.IO;
using System.Threading;

namespace FastTrack.Core.UsageReports;

/// <summary>A part of a report file as a stream of its own: the header's bytes, then a range of the file's. Each read
/// sets the position and reads under a lock on the file's stream: a part reads through a handle of its own
/// (ReportParts.OwnHandle), uncontended, but a report in memory, or a file that cannot be opened again, is one stream
/// its parts share. Not seekable: the rows of a part are never named in a message (a fault in a part is found again
/// by reading the whole report, which names its line), so nothing is read twice for one.</summary>
internal sealed class ReportSegmentStream : Stream
{
    private readonly Stream _file;
    private readonly byte[] _header;
    private readonly long _start;
    private readonly long _end;
    private int _headerRead;
    private long _position;

    public ReportSegmentStream(Stream file, byte[] header, long start, long end)
    {
        _file = file;
        _header = header;
        _start = start;
        _end = end;
        _position = start;
    }

    /// <summary>The bytes of the range read so far (the header's not counted): the part's progress.</summary>
    public long RangeRead => Volatile.Read(ref _position) - _start;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_headerRead < _header.Length)
        {
            var n = Math.Min(count, _header.Length - _headerRead);
            Buffer.BlockCopy(_header, _headerRead, buffer, offset, n);
            _headerRead += n;
            return n;
        }
        var want = (int)Math.Min(count, _end - _position);
        if (want <= 0) return 0;
        int read;
        lock (_file)
        {
            _file.Position = _position;
            read = _file.Read(buffer, offset, want);
        }
        Volatile.Write(ref _position, _position + read);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // The file is the report's, closed by its owner once every part is read.
    protected override void Dispose(bool disposing) { }
}
