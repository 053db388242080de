using System;
using System.IO;
using System.Linq;
using System.Threading;

namespace FastTrack.Core.UsageReports;

/// <summary>One large report read in parts at once, each part on a thread of its own, then put together into the
/// scan a reader from the top gives. The file is cut after the first line feed past each of a few evenly spaced
/// places. Whatever the parts cannot settle alone makes <see cref="Merge"/> give null: a fault in a part (among them a
/// cut inside quotes, below), rows of two refresh dates, a user listed twice. The report is then read whole, from
/// the top, and that reading says what is wrong, naming its line. Faults are rare and stop the measurement; a line
/// break inside quotes just at a cut is rare too (Graph's fields hold none but in names): the second reading costs
/// nothing that matters.
/// Why a cut inside quotes is always found: the parts' reader (<see cref="Utf8CsvRows"/>) reads a record only when
/// its quotes are where RFC 4180 puts them, so every record it reads holds an even number of quotes, and a part
/// whose end falls inside quotes ends in a quoted field never closed, a fault. So when every part is read without
/// a fault, the quotes before each cut are even in number: each cut is outside quotes, where a record starts.</summary>
internal sealed class ReportParts
{
    /// <summary>The smallest part worth a reader of its own (a reader's buffers and start cost under a millisecond).</summary>
    public const long MinPartBytes = 4L << 20;

    private readonly Stream _file;
    private readonly string _name;
    private readonly ReportDefinition _definition;
    private readonly DateTime _today;
    private readonly byte[] _header;
    private readonly byte[] _recordStart;
    private readonly int _recordBytes; // a record's average length, 0 when unknown
    private readonly long[] _cuts; // the stretches: [cuts[k], cuts[k + 1]); the first starts at the file's start
    private readonly ReportPass?[] _passes;
    private readonly ReportSegmentStream?[] _streams;
    // The users' tables the parts take and give back: a measurement's tables are grown once, not once a part.
    private readonly System.Collections.Concurrent.ConcurrentBag<UsersSeen> _users;
    // Where the parts' users are put together to find one in two parts: the measurement's, one report at a time.
    private readonly UsersSeen _scratch;
    private int _faulted;

    private ReportParts(Stream file, string name, ReportDefinition definition, DateTime today, byte[] header, byte[] recordStart, int recordBytes, long[] cuts,
        System.Collections.Concurrent.ConcurrentBag<UsersSeen>? users, UsersSeen? scratch)
    {
        _users = users ?? new System.Collections.Concurrent.ConcurrentBag<UsersSeen>();
        _scratch = scratch ?? new UsersSeen();
        _recordStart = recordStart;
        _recordBytes = recordBytes;
        _file = file;
        _name = name;
        _definition = definition;
        _today = today;
        _header = header;
        _cuts = cuts;
        var count = cuts.Length - 1;
        _passes = new ReportPass?[count];
        _streams = new ReportSegmentStream?[count];
    }

    /// <summary>The parts of a report, or null when it is to be read whole, from the top: not seekable, or not a file
    /// that can be cut (ReportSplit.Header). A report too small for two parts is one part: read by the parts' reader
    /// all the same, whose code is optimised from the first call (a report is read again from the top only at a fault).</summary>
    /// <param name="minPartBytes">The smallest part (tests cut small reports into many parts).</param>
    /// <param name="users">Users' tables to take and give back (a measurement's), or null.</param>
    /// <param name="scratch">Where to put the parts' users together (a measurement's, shared by its reports), or null.</param>
    public static ReportParts? Plan(Stream file, string name, ReportDefinition definition, DateTime today, int readers, long minPartBytes = MinPartBytes,
        System.Collections.Concurrent.ConcurrentBag<UsersSeen>? users = null, UsersSeen? scratch = null)
    {
        if (readers < 2 || !file.CanSeek) return null;
        var start = file.Position;
        var length = file.Length;
        // Parts of a quarter of a reader's share: the readers stay busy to the end, whatever the other reports.
        var partBytes = Math.Max(minPartBytes, (length - start) / (4L * readers));
        if (length <= start) return null;
        var count = (int)Math.Max(1, Math.Min(256, (length - start) / partBytes));
        byte[]? header;
        var recordStart = Array.Empty<byte>();
        var recordBytes = 0;
        try
        {
            header = ReportSplit.Header(file, start, out recordBytes);
            if (header is not null) recordStart = ReportSplit.RecordStart(file, start + header.Length);
        }
        finally { file.Position = start; }
        if (header is null) return null;
        var cuts = new long[count + 1];
        cuts[0] = start;
        for (var k = 1; k < count; k++) cuts[k] = start + header.Length + (length - start - header.Length) * k / count;
        cuts[count] = length;
        return new ReportParts(file, name, definition, today, header, recordStart, recordBytes, cuts, users, scratch);
    }

    public int Count => _passes.Length;

    /// <summary>The bytes of the report read so far, by all parts.</summary>
    public long BytesRead => _streams.Sum(s => s?.RangeRead ?? 0);

    /// <summary>Reads part <paramref name="k"/>, on any thread, in any order.</summary>
    public void Read(int k, CancellationToken cancellationToken)
    {
        try
        {
            if (Volatile.Read(ref _faulted) != 0) return;
            var length = _cuts[Count];
            using var own = OwnHandle();
            var file = own ?? _file;
            var first = k == 0 ? _cuts[0] : ReportSplit.LineStart(file, _cuts[k], length, _recordStart);
            var end = k == Count - 1 ? length : ReportSplit.LineStart(file, _cuts[k + 1], length, _recordStart);
            if (first >= end) return; // a record longer than the stretch: the part before reads it
            var stream = _streams[k] = new ReportSegmentStream(file, k == 0 ? Array.Empty<byte>() : _header, first, end);
            using var rows = new Utf8CsvRows(stream, _name);
            var users = _users.TryTake(out var taken) ? taken : new UsersSeen();
            // Its users, about: sized once (a tenth over), not grown by doubling (the garbage of large arrays).
            if (_recordBytes > 0) users.Reserve((int)Math.Min(int.MaxValue, (end - first) / _recordBytes * 11 / 10 + 16));
            var pass = new ReportPass(rows, _definition, _today, users, null, sampleDomains: k == 0);
            pass.Run(null, cancellationToken);
            // Its users put in order on this thread, now: the report's end puts the parts together in one pass.
            pass.Users.Partition();
            pass.AppsUsers?.Partition();
            _passes[k] = pass;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever it is, the reading from the top finds it again, and names its line.
            Interlocked.Exchange(ref _faulted, 1);
        }
    }

    /// <summary>The report's file opened again for one part. Parts sharing one handle took turns for every read (its
    /// position set and the copy from the page cache made under a lock): with two readers, a set of a million users
    /// took about 5% longer (bench/README.md, issue 18). Null for a report in memory, or a file that cannot be opened
    /// again as it was (gone, or of another length now): the parts then share the report's stream.</summary>
    private Stream? OwnHandle()
    {
        if (_file is not FileStream shared) return null;
        try
        {
            var own = new FileStream(shared.Name, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            if (own.Length == _cuts[Count]) return own;
            own.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException) { }
        return null;
    }

    /// <summary>The report's scan put together from its parts (the first part's scan, the others added to it), or
    /// null when it must be read whole, from the top.</summary>
    public ReportScan? Merge()
    {
        try { return Merged(); }
        finally
        {
            // The parts' users' tables go back for the reports after this one, the Apps users' to the pools; their
            // readers are garbage now, not held while the other reports are read.
            foreach (var pass in _passes)
            {
                if (pass is null) continue;
                _users.Add(pass.Users);
                pass.AppsUsers?.Release();
            }
            Array.Clear(_passes, 0, _passes.Length);
        }
    }

    private ReportScan? Merged()
    {
        if (Volatile.Read(ref _faulted) != 0 || _passes[0] is not { } first) return null;
        var passes = _passes.Where(p => p is not null).Select(p => p!).ToList();
        var dates = passes.Where(p => p.Scan.Rows > 0).Select(p => p.Scan.RefreshDate).Distinct().Count();
        if (dates > 1) return null;
        lock (_scratch)
        {
            if (UsersSeen.RepeatsAmong(passes.Select(p => p.Users).ToList(), _scratch) > 0) return null;
        }
        var scan = first.Scan;
        var offset = scan.Rows;
        foreach (var pass in passes.Skip(1))
        {
            // What the report's first row says, when the first part has none; the domains of its first rows.
            scan.RefreshDate ??= pass.Scan.RefreshDate;
            scan.TenantDisplayName ??= pass.Scan.TenantDisplayName;
            foreach (var (row, domain) in pass.LaterDomains ?? new())
                if (offset + row <= ReportScan.DomainSample) scan.SeeDomain(domain);
            offset += pass.Scan.Rows;
            scan.Rows += pass.Scan.Rows;
            scan.DeletedRows += pass.Scan.DeletedRows;
            scan.ConcealedNames |= pass.Scan.ConcealedNames;
            foreach (var app in pass.Scan.AppActive) scan.AppActive[app.Key] += app.Value;
            foreach (var tally in pass.Scan.Tallies)
            {
                scan.Tallies[tally.Key].Active += tally.Value.Active;
                scan.Tallies[tally.Key].Licensed += tally.Value.Licensed;
            }
        }
        if (first.AppsUsers is not null)
        {
            var products = passes.SelectMany(p => p.AppsProducts!).Distinct().Count();
            var apps = passes.Select(p => p.AppsUsers!).ToList();
            lock (_scratch) scan.Tallies[Playbook.M365Service.Microsoft365Apps].Licensed += ReportPass.DistinctAppsUsers(apps, products, () => UsersSeen.RepeatsAmong(apps, _scratch));
        }
        return scan;
    }
}
