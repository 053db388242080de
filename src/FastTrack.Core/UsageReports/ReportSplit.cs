using System;
using System.IO;

namespace FastTrack.Core.UsageReports;

/// <summary>Where a report file may be cut into parts that read, each from its own start, exactly the rows one
/// reader from the top reads. A part starts just after a line feed and before what starts a record; that line feed
/// ends a record only if it is outside quotes (Graph quotes a field holding a comma, a quote or a line break, so a
/// line feed inside quotes is data). Whether it was is proven by the parts' reader (<see cref="Utf8CsvRows"/>), not
/// here. A byte order mark of UTF-16 or UTF-32, or a header that is not one plain line of commas, and the report is
/// read whole, from the top.</summary>
internal static class ReportSplit
{
    private const int Block = 64 * 1024;

    /// <summary>The header's bytes, its line feed included, or null when the file is not to be cut.</summary>
    /// <param name="recordBytes">The average length of the lines after the header in the same first 64 KB (0 when
    /// none ends there): to size a part's table of users once, rather than grow it by doubling.</param>
    public static byte[]? Header(Stream file, long start, out int recordBytes)
    {
        recordBytes = 0;
        var head = new byte[Block];
        var length = ReadAt(file, start, head, head.Length);
        if (length >= 2 && (head[0] is 0xFF or 0xFE || head[0] == 0)) return null; // UTF-16 or UTF-32: a cut could split a character
        var end = Array.IndexOf(head, (byte)'\n', 0, length);
        var first = length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
        // A header in quotes, over several lines, or with none at all: read from the top. So too one whose
        // delimiter is not the comma (the reader detects it from the header; the quote check knows only the comma).
        if (end <= first || head[first] is (byte)'\r' or (byte)'\n' or (byte)'#') return null;
        var line = new ReadOnlySpan<byte>(head, first, end - first);
        if (line[line.Length - 1] == (byte)'\r') line = line.Slice(0, line.Length - 1);
        if (line.IndexOf((byte)'\r') >= 0) return null; // a lone carriage return ends a record too
        if (line.IndexOfAny((byte)'"', (byte)';', (byte)'\t') >= 0 || line.IndexOf((byte)'|') >= 0 || line.IndexOf((byte)',') < 0) return null;
        var header = new byte[end + 1];
        Array.Copy(head, header, header.Length);
        var lines = 0;
        var last = end;
        for (var i = Array.IndexOf(head, (byte)'\n', end + 1, length - end - 1); i >= 0; i = Array.IndexOf(head, (byte)'\n', i + 1, length - i - 1))
        {
            lines++;
            last = i;
        }
        if (lines > 0) recordBytes = (last - end) / lines;
        return header;
    }

    /// <summary>How the first record after the header starts, when it starts as Graph's do, with the refresh date
    /// ("2026-11-22,"); otherwise empty. Every record of a report starts so; a line inside quotes hardly ever does.</summary>
    public static byte[] RecordStart(Stream file, long headerEnd)
    {
        var start = new byte[11];
        if (ReadAt(file, headerEnd, start, start.Length) < start.Length || start[4] != '-' || start[7] != '-' || start[10] != ',') return Array.Empty<byte>();
        foreach (var i in new[] { 0, 1, 2, 3, 5, 6, 8, 9 })
            if (start[i] is < (byte)'0' or > (byte)'9') return Array.Empty<byte>();
        return start;
    }

    /// <summary>The first place at or after <paramref name="from"/> just after a line feed and before
    /// <paramref name="recordStart"/>'s bytes (where a record most likely starts); the end when there is none.</summary>
    public static long LineStart(Stream file, long from, long length, byte[] recordStart)
    {
        var buffer = new byte[4096];
        var next = new byte[recordStart.Length];
        for (var at = from; at < length;)
        {
            var read = ReadAt(file, at, buffer, (int)Math.Min(buffer.Length, length - at));
            if (read == 0) break;
            for (var i = Array.IndexOf(buffer, (byte)'\n', 0, read); i >= 0; i = Array.IndexOf(buffer, (byte)'\n', i + 1, read - i - 1))
            {
                var line = at + i + 1;
                if (line == length || ReadAt(file, line, next, next.Length) == next.Length && next.AsSpan().SequenceEqual(recordStart)) return line;
                if (i == read - 1) break;
            }
            at += read;
        }
        return length;
    }

    // Reads at a position under the lock the parts share; fills the count unless the file ends first.
    private static int ReadAt(Stream file, long position, byte[] buffer, int count)
    {
        lock (file)
        {
            file.Position = position;
            var total = 0;
            for (int n; total < count && (n = file.Read(buffer, total, count - total)) > 0;) total += n;
            return total;
        }
    }
}
