using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace FastTrack.Core.UsageReports;

/// <summary>The rows of a report on disk, or of one part of a large one (<see cref="ReportParts"/>), parsed straight
/// from its UTF-8 bytes: a record's end found by a vectorised search for its line feed, an ASCII record widened a
/// vector at a time (another decoded as UTF-8), its commas found eight bytes at a time. Strict by design: whatever this reader might not read exactly as <see cref="CsvReportRows"/>
/// does (a quote anywhere RFC 4180 puts none, a quoted field never closed, a carriage return outside quotes but
/// before a line feed, a blank line, a line starting with '#', a record over 1 MB) is a fault; a fault in a part
/// makes the report be read again whole, from the top, by CsvReportRows, which names what is wrong and its line. So
/// this reader never names a line itself; and every record it reads holds an even number of quotes, which is what
/// proves a part's cuts (ReportParts).
/// Why not Sylvan in the parts too: its methods are compiled in tiers, and in a PowerShell session the second and
/// third calls on a 100,000-user report still ran its unoptimised code (75–110 ms a call, then 20–25 ms); this
/// reader's are compiled optimised at once (<see cref="HotPath"/>), and it holds one pooled buffer, not a
/// StreamReader's and Sylvan's (bench/README.md, issue 18).</summary>
internal sealed class Utf8CsvRows : IReportRows
{
    /// <summary>Bytes read from the stream at a time; the buffer comes from the shared pool and goes back to it.</summary>
    private const int BlockBytes = 128 * 1024;
    /// <summary>A longer record is left to CsvReportRows, which refuses it by name (<see cref="CsvReportRows.MaxRowChars"/>).</summary>
    private const int MaxRecordBytes = 1024 * 1024;

    private static readonly Encoding Utf8 = new UTF8Encoding(false); // invalid bytes become U+FFFD, as the StreamReader makes them

    private readonly Stream _stream;
    private byte[] _bytes;
    private int _next;   // where the next record starts in _bytes
    private int _filled; // how much of _bytes holds the stream's bytes
    private bool _ended;
    private int _plainEnd; // the bytes of _bytes before it, from the record being read on, hold no quote and no carriage return
    private long _bytesRead;
    private char[] _line = new char[1024]; // the current record's fields, decoded (and unescaped), a separator between each two
    private int[] _ends = new int[1025];    // where each field ends in _line; the next starts one further on
    private int _fieldCount;
    private int _placeUpTo = int.MaxValue - 1; // the last field whose end is placed (PlaceUpTo); the later ones are counted
    private int _placed;                        // the last field of the current record whose end is placed
    private int _recordStart, _recordLength;    // the current record's bytes, to place the rest of its fields when asked
    private long _row;

    /// <param name="stream">The part: the report's header line, then its records; owned (and disposed) by this reader.</param>
    public Utf8CsvRows(Stream stream, string sourceName)
    {
        _stream = stream;
        _bytes = ArrayPool<byte>.Shared.Rent(BlockBytes);
        SourceName = sourceName;
        do Fill(); while (_filled < 3 && !_ended); // a stream may give fewer bytes than a byte order mark at first
        if (_filled >= 3 && _bytes[0] == 0xEF && _bytes[1] == 0xBB && _bytes[2] == 0xBF) _next = 3;
        if (!Next()) throw Fault("no header");
        var headers = new string[_fieldCount];
        for (var i = 0; i < headers.Length; i++) headers[i] = Get(i)!.Trim();
        Headers = headers;
    }

    public string SourceName { get; }
    public IReadOnlyList<string> Headers { get; }
    public long Row => _row;
    public int FieldCount => _fieldCount;
    public long BytesRead => _bytesRead;

    // A part's rows are never named: a fault in a part is found again, with its line, by the reading from the top.
    public string Where(long row) => $"row {row} of a part of '{SourceName}'";
    public string LineName(long row) => $"row {row} of a part";
    public string? ValueAt(long row, int ordinal) => null;

    [MethodImpl(HotPath.Optimized)]
    public bool Read()
    {
        if (!Next()) return false;
        _row++;
        return true;
    }

    public string? Get(int ordinal) => (uint)ordinal < (uint)_fieldCount ? Span(ordinal).ToString() : null;

    /// <summary>The field's characters, valid until the next row is read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Span(int ordinal)
    {
        if ((uint)ordinal >= (uint)_fieldCount) return ReadOnlySpan<char>.Empty;
        if (ordinal > _placed) PlaceAll();
        var start = ordinal == 0 ? 0 : _ends[ordinal - 1] + 1;
        return new ReadOnlySpan<char>(_line, start, _ends[ordinal] - start);
    }

    /// <summary>The fields a reader of the rows reads, by their last ordinal: the later ones are counted, not placed,
    /// until one is asked for (a message that lists a row's fields).</summary>
    public void PlaceUpTo(int ordinal) => _placeUpTo = Math.Max(0, ordinal);

    // Every field of the current record placed: one after the last placed is asked for.
    private void PlaceAll()
    {
        var upTo = _placeUpTo;
        _placeUpTo = int.MaxValue - 1;
        SplitAscii(_recordStart, _recordLength);
        _placeUpTo = upTo;
    }

    // The next record's fields, or false at the end of the part. A record ends at a line feed outside quotes: a
    // line whose quotes are odd in number opens a quoted field that goes on over the next line.
    [MethodImpl(HotPath.Optimized)]
    private bool Next()
    {
        var scanned = 0; // the record's bytes looked at so far: whole lines ending inside quotes
        var quoted = false;
        var plain = true; // no quote and no carriage return but the one ending a line
        int length, next;
        while (true)
        {
            var rest = new ReadOnlySpan<byte>(_bytes, _next + scanned, _filled - _next - scanned);
            var lineFeed = rest.IndexOf((byte)'\n');
            if (lineFeed < 0 && !_ended)
            {
                Fill();
                continue;
            }
            var line = lineFeed >= 0 ? rest.Slice(0, lineFeed) : rest;
            var body = lineFeed >= 0 && !line.IsEmpty && line[line.Length - 1] == (byte)'\r' ? line.Slice(0, line.Length - 1) : line;
            var bodyStart = _next + scanned;
            if (bodyStart + body.Length > _plainEnd)
            {
                // Looked for once for many lines: a report has no quote or carriage return in most of its lines.
                var from = Math.Max(_plainEnd, bodyStart);
                var special = new ReadOnlySpan<byte>(_bytes, from, _filled - from).IndexOfAny((byte)'"', (byte)'\r');
                _plainEnd = special < 0 ? _filled : from + special;
            }
            if (bodyStart + body.Length > _plainEnd)
            {
                plain = false;
                if (OddQuotes(body)) quoted = !quoted;
            }
            if (lineFeed < 0)
            {
                if (scanned == 0 && rest.IsEmpty) return false;
                length = scanned + rest.Length;
                next = _next + length;
                break;
            }
            if (!quoted)
            {
                length = scanned + body.Length;
                next = _next + scanned + lineFeed + 1;
                break;
            }
            scanned += lineFeed + 1;
        }
        var start = _next;
        _next = next;
        if (length == 0) throw Fault("a blank line");
        if (_bytes[start] == (byte)'#') throw Fault("a line starting with '#'"); // a comment, which Sylvan skips
        if (_line.Length < length)
        {
            _line = new char[Math.Max(length, _line.Length * 2)];
            _ends = new int[_line.Length + 1];
        }
        _recordStart = start;
        _recordLength = length;
        _placed = int.MaxValue; // every field, unless the record is cut lazily (SplitAscii)
        if (!plain) SplitQuoted(start, length);
        else if (BitConverter.IsLittleEndian && WidenAscii(start, length)) SplitAscii(start, length);
        else Split(Utf8.GetChars(_bytes, start, length, _line, 0));
        return true;
    }

    private static bool OddQuotes(ReadOnlySpan<byte> line)
    {
        var odd = false;
        for (var i = line.IndexOf((byte)'"'); i >= 0; i = line.IndexOf((byte)'"'))
        {
            odd = !odd;
            line = line.Slice(i + 1);
        }
        return odd;
    }

    // An ASCII record's characters, a vector of bytes at a time; false at the first byte that is not ASCII (the record
    // is then decoded as UTF-8). Inline rather than Encoding.GetChars: the framework's transcoding is compiled in
    // tiers, and a process could stay in the tier that profiles it (twice the CPU time of the measurement; bench/README.md).
    [MethodImpl(HotPath.Optimized)]
    private bool WidenAscii(int start, int length)
    {
        ref var source = ref _bytes[start];
        ref var target = ref Unsafe.As<char, byte>(ref _line[0]);
        var high = new Vector<byte>(0x80);
        var i = 0;
        for (; i + Vector<byte>.Count <= length; i += Vector<byte>.Count)
        {
            var bytes = Unsafe.ReadUnaligned<Vector<byte>>(ref Unsafe.Add(ref source, i));
            if (!Vector.EqualsAll(bytes & high, Vector<byte>.Zero)) return false;
            Vector.Widen(bytes, out var low, out var upper);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, 2 * i), low);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, 2 * i + Vector<byte>.Count), upper);
        }
        // The last bytes as a vector ending at the record's end, over some widened already: no loop per byte.
        if (i < length && length >= Vector<byte>.Count)
        {
            i = length - Vector<byte>.Count;
            var bytes = Unsafe.ReadUnaligned<Vector<byte>>(ref Unsafe.Add(ref source, i));
            if (!Vector.EqualsAll(bytes & high, Vector<byte>.Zero)) return false;
            Vector.Widen(bytes, out var low, out var upper);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, 2 * i), low);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, 2 * i + Vector<byte>.Count), upper);
            return true;
        }
        for (; i < length; i++)
        {
            var b = Unsafe.Add(ref source, i);
            if (b >= 0x80) return false;
            _line[i] = (char)b;
        }
        return true;
    }

    // A record without quotes: decoded whole, then cut at its commas.
    [MethodImpl(HotPath.Optimized)]
    private void Split(int chars)
    {
        // Without bounds checks: _ends holds a place for every character and one more.
        ref var line = ref _line[0];
        ref var ends = ref _ends[0];
        var count = 0;
        for (var i = 0; i < chars; i++)
            if (Unsafe.Add(ref line, i) == ',') Unsafe.Add(ref ends, count++) = i;
        Unsafe.Add(ref ends, count) = chars;
        _fieldCount = count + 1;
    }

    // A record of ASCII characters only, so that its bytes' places are its characters': its commas found eight bytes
    // at a time. A branch per byte mispredicts at most commas; here a branch per comma found, a few per eight bytes.
    // Only the fields up to the last one read are placed (PlaceUpTo); the commas after it are only counted, for the
    // record's number of fields.
    [MethodImpl(HotPath.Optimized)]
    private void SplitAscii(int start, int length)
    {
        ref var bytes = ref _bytes[start];
        ref var ends = ref _ends[0];
        var count = 0;
        var place = _placeUpTo + 1; // the commas to place: the ends of the fields up to the last one read
        var i = 0;
        for (; i + 8 <= length; i += 8)
        {
            // A comma's byte becomes 0; then each 0 byte, and only those, gets its top bit set (no carry between bytes).
            var x = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref bytes, i)) ^ 0x2C2C2C2C2C2C2C2CUL;
            var zeros = ~(((x & 0x7F7F7F7F7F7F7F7FUL) + 0x7F7F7F7F7F7F7F7FUL) | x | 0x7F7F7F7F7F7F7F7FUL);
            if (count >= place)
            {
                count += (int)(((zeros >> 7) * 0x0101010101010101UL) >> 56); // a 1 per comma, summed in the top byte
                continue;
            }
            while (zeros != 0)
            {
                var lowest = zeros & (~zeros + 1);
                // Its byte's place: 1 << 8k times 0x0001020304050607 has k in its top byte.
                Unsafe.Add(ref ends, count++) = i + (int)(((lowest >> 7) * 0x0001020304050607UL) >> 56);
                zeros ^= lowest;
            }
        }
        for (; i < length; i++)
            if (Unsafe.Add(ref bytes, i) == (byte)',')
            {
                if (count < place) Unsafe.Add(ref ends, count) = i;
                count++;
            }
        if (count < place) Unsafe.Add(ref ends, count) = length;
        _fieldCount = count + 1;
        _placed = Math.Min(count, place - 1);
    }

    // A record with quotes (Graph quotes a field holding a comma, a quote or a line break): each field decoded on its
    // own, a quoted one without its quotes and with "" read as one quote, as RFC 4180 has it.
    private void SplitQuoted(int start, int length)
    {
        var record = new ReadOnlySpan<byte>(_bytes, start, length);
        var count = 0;
        var chars = 0;
        for (var at = 0; ; count++, chars++) // a field's content, then a separator's place (a quoted field's quotes leave room for it)
        {
            if (at < record.Length && record[at] == (byte)'"')
            {
                at++;
                while (true)
                {
                    var quote = record.Slice(at).IndexOf((byte)'"');
                    if (quote < 0) throw Fault("a quoted field never closed");
                    chars += Utf8.GetChars(_bytes, start + at, quote, _line, chars);
                    at += quote + 1;
                    if (at < record.Length && record[at] == (byte)'"')
                    {
                        _line[chars++] = '"';
                        at++;
                        continue;
                    }
                    break;
                }
                _ends[count] = chars;
                if (at == record.Length) break;
                if (record[at] != (byte)',') throw Fault("a character after a closing quote");
                at++;
            }
            else
            {
                var end = record.Slice(at).IndexOfAny((byte)',', (byte)'"', (byte)'\r');
                if (end >= 0 && record[at + end] != (byte)',') throw Fault("a quote or a carriage return inside a field");
                var bytes = end < 0 ? record.Length - at : end;
                if (record.Slice(at, bytes).IndexOf((byte)'\n') >= 0) throw Fault("a line break outside quotes");
                chars += Utf8.GetChars(_bytes, start + at, bytes, _line, chars);
                _ends[count] = chars;
                if (end < 0) break;
                at += end + 1;
            }
        }
        _fieldCount = count + 1;
    }

    // Reads more of the stream after the unread bytes, moved to the front; a buffer one record fills is doubled.
    private void Fill()
    {
        var kept = _filled - _next;
        if (kept == _bytes.Length)
        {
            if (_bytes.Length >= MaxRecordBytes) throw Fault($"a record over {MaxRecordBytes} bytes");
            var larger = ArrayPool<byte>.Shared.Rent(_bytes.Length * 2);
            Buffer.BlockCopy(_bytes, 0, larger, 0, kept);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = larger;
        }
        else if (_next > 0)
        {
            Buffer.BlockCopy(_bytes, _next, _bytes, 0, kept);
        }
        _plainEnd = Math.Max(0, _plainEnd - _next);
        _next = 0;
        _filled = kept;
        var read = _stream.Read(_bytes, _filled, _bytes.Length - _filled);
        if (read == 0) _ended = true;
        _filled += read;
        _bytesRead += read;
    }

    private InvalidDataException Fault(string what) => new($"{SourceName}: {what} at row {_row + 1} of a part; the report is read again from the top.");

    public void Dispose()
    {
        var bytes = _bytes;
        _bytes = Array.Empty<byte>();
        if (bytes.Length > 0) ArrayPool<byte>.Shared.Return(bytes);
        _stream.Dispose();
    }
}
