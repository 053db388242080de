using System.Collections.Concurrent;
using System.Text;
using FastTrack.Core.Concurrency;
using FastTrack.Core.Errors;
using FastTrack.Core.Sample;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Tests.Usage;

/// <summary>Issue 18: a report read in parts at once gives exactly what a reading from the top gives: the same
/// counts, refresh date, domains, tenant name, and the same error with the same line. The parts here are a few
/// hundred bytes, so cuts fall everywhere: inside quoted fields holding commas, quotes and line breaks, on the
/// row of a user listed twice, on a row whose refresh date differs.</summary>
public sealed class ReportPartsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly DateTime Day = DateTime.UtcNow.Date.AddDays(-3);

    private static byte[] Report(ReportKind kind, int users, bool concealed = false)
    {
        using var buffer = new MemoryStream();
        new SampleTenant(new SampleTenantOptions { Users = users, LastDay = Day, ConcealedNames = concealed }).WriteReport(kind, Day, buffer);
        return buffer.ToArray();
    }

    /// <summary>Everything a scan says, or the error it ends in.</summary>
    public static string Sequential(byte[] bytes, ReportKind kind)
    {
        try
        {
            using var rows = new CsvReportRows(new MemoryStream(bytes), "report.csv");
            return Describe(ReportScanner.Scan(rows, ReportDefinition.For(kind)));
        }
        catch (FtException ex)
        {
            return $"{ex.Error.ErrorId}: {ex.Error.Message}";
        }
    }

    /// <summary>The same through a measurement's reading on several threads, in parts of about partBytes.</summary>
    public static string InParts(byte[] bytes, ReportKind kind, long partBytes, int readers)
    {
        var work = new BoundedWork(readers);
        var reading = new ReportReading(kind, new ReportContent(new MemoryStream(bytes), "report.csv", bytes.Length), FastTrack.Core.Time.SystemClock.Now,
            new ConcurrentBag<UsersSeen>(), CancellationToken.None, partBytes);
        reading.Start(work, readers);
        work.WaitAll();
        work.ThrowIfFaulted();
        try
        {
            reading.Stop?.Throw();
            return reading.Outcome.Value is { } scan ? Describe(scan) : $"{reading.Outcome.Error!.ErrorId}: {reading.Outcome.Error.Message}";
        }
        catch (FtException ex)
        {
            return $"{ex.Error.ErrorId}: {ex.Error.Message}";
        }
    }

    /// <summary>Whether the parts were put together (rather than the report read again from the top).</summary>
    private static bool Merges(byte[] bytes, ReportKind kind, long partBytes, int readers)
    {
        var parts = ReportParts.Plan(new MemoryStream(bytes), "report.csv", ReportDefinition.For(kind), DateTime.UtcNow.Date, readers, partBytes);
        Assert.NotNull(parts);
        for (var k = 0; k < parts.Count; k++) parts.Read(k, CancellationToken.None);
        return parts.Merge() is not null;
    }

    private static string Describe(ReportScan scan) =>
        $"{scan.Kind} rows {scan.Rows} deleted {scan.DeletedRows} refreshed {scan.RefreshDate:yyyy-MM-dd} concealed {scan.ConcealedNames} tenant '{scan.TenantDisplayName}' " +
        $"tallies {string.Join(" ", scan.Tallies.Select(t => $"{t.Key}:{t.Value.Active}/{t.Value.Licensed}"))} domains {string.Join(" ", scan.UserDomains.Select(d => $"{d.Key}:{d.Value}"))}";

    /// <summary>The kinds a report of which may be cut: those read as CSV records. A report of JSON pages (Graph's
    /// Copilot report, as the sample writes it) is always read whole.</summary>
    public static ReportKind[] CsvKinds { get; } = Enum.GetValues<ReportKind>().Where(k => !ReportDefinition.For(k).IsJson).ToArray();

    public static TheoryData<ReportKind> Kinds() => new(CsvKinds);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_report_kind_read_in_parts_counts_as_read_from_the_top(ReportKind kind)
    {
        var bytes = Report(kind, 3000);
        var expected = Sequential(bytes, kind);
        Assert.StartsWith($"{kind} rows ", expected);
        foreach (var (partBytes, readers) in new[] { (4096L, 2), (700L, 3), (150_000L, 2) })
            Assert.Equal(expected, InParts(bytes, kind, partBytes, readers));
        Assert.True(Merges(bytes, kind, 4096, 2), "the parts were not put together");
    }

    /// <summary>The activations report's Apps licences count users, not rows: with one Apps product named each row is a
    /// user of its own (counted without a search for repeats), with two a user holding both is counted once, wherever
    /// in the report (in which part) the second row is.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)] // every seventh user also holds Apps for business, far down the report
    public void The_activations_report_counts_each_Apps_user_once_in_parts_as_from_the_top(bool business)
    {
        var refresh = Day.ToString("yyyy-MM-dd");
        var header = "Report Refresh Date,User Principal Name,Display Name,Product Type,Last Activated Date,Windows,Mac,Windows 10 Mobile,iOS,Android,Activated On Shared Computer";
        string Row(int user, string product) => $"{refresh},user{user}@contoso.com,User {user},{product},2024-01-10,1,0,0,0,0,False";
        var rows = Enumerable.Range(0, 1200).Select(u => Row(u, "MICROSOFT 365 APPS FOR ENTERPRISE"))
            .Concat(Enumerable.Range(0, 300).Select(u => Row(u, "VISIO")))
            .Concat(business ? Enumerable.Range(0, 1200).Where(u => u % 7 == 0).Select(u => Row(u, "MICROSOFT 365 APPS FOR BUSINESS")) : Enumerable.Empty<string>());
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", new[] { header }.Concat(rows)) + "\n");
        var expected = Sequential(bytes, ReportKind.Office365ActivationsUserDetail);
        Assert.Contains($"Microsoft365Apps:0/1200 ", expected + " ");
        foreach (var (partBytes, readers) in new[] { (2000L, 2), (700L, 3) })
            Assert.Equal(expected, InParts(bytes, ReportKind.Office365ActivationsUserDetail, partBytes, readers));
        Assert.True(Merges(bytes, ReportKind.Office365ActivationsUserDetail, 2000, 2), "the parts were not put together");
    }

    [Fact]
    public void Concealed_names_and_the_first_rows_domains_come_out_the_same()
    {
        var bytes = Report(ReportKind.TeamsUserActivityUserDetail, 2500, concealed: true);
        Assert.Equal(Sequential(bytes, ReportKind.TeamsUserActivityUserDetail), InParts(bytes, ReportKind.TeamsUserActivityUserDetail, 512, 2));
        // Plain names, parts far shorter than the 2,000 rows whose domains are sampled.
        var plain = Report(ReportKind.YammerActivityUserDetail, 2500);
        Assert.Equal(Sequential(plain, ReportKind.YammerActivityUserDetail), InParts(plain, ReportKind.YammerActivityUserDetail, 300, 4));
    }

    /// <summary>Every row's products quoted, holding a comma, an escaped quote and a line break: wherever a cut is
    /// proposed, it lands inside quotes on most rows.</summary>
    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Quoted_fields_with_line_breaks_at_every_cut_are_read_as_one_record(string newline)
    {
        var lines = Encoding.UTF8.GetString(Report(ReportKind.OneDriveActivityUserDetail, 1500)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var products = Array.IndexOf(header, "Assigned Products");
        var rows = lines.Skip(1).Select((line, i) =>
        {
            var fields = line.Split(',');
            fields[products] = $"\"MICROSOFT 365 E3,{newline}OFFICE \"\"365\"\" {i}{newline}\"";
            return string.Join(",", fields);
        });
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join(newline, new[] { lines[0] }.Concat(rows)) + newline)).ToArray();
        var expected = Sequential(bytes, ReportKind.OneDriveActivityUserDetail);
        Assert.Contains($"rows {lines.Length - 1} ", expected);
        for (var partBytes = 97L; partBytes < 5000; partBytes = partBytes * 3 / 2)
            Assert.Equal(expected, InParts(bytes, ReportKind.OneDriveActivityUserDetail, partBytes, 3));
        Assert.True(Merges(bytes, ReportKind.OneDriveActivityUserDetail, 1000, 2), "quotes RFC 4180 allows made the file read from the top");
    }

    [Fact]
    public void A_cut_after_a_line_inside_quotes_that_starts_as_a_record_is_found_and_the_report_read_from_the_top()
    {
        var lines = Encoding.UTF8.GetString(Report(ReportKind.SharePointActivityUserDetail, 1000)).Split('\n').ToList();
        var refresh = lines[1].Substring(0, 11);
        for (var row = 1; row < lines.Count - 1; row++) lines[row] = lines[row] + $",\"\n{refresh}x\n{refresh}\"";
        lines[0] += ",Notes";
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines));
        var expected = Sequential(bytes, ReportKind.SharePointActivityUserDetail);
        Assert.Contains("rows 1010 ", expected);
        Assert.False(Merges(bytes, ReportKind.SharePointActivityUserDetail, 2000, 2), "a cut inside quotes was kept");
        foreach (var partBytes in new[] { 500L, 2000, 7000 })
            Assert.Equal(expected, InParts(bytes, ReportKind.SharePointActivityUserDetail, partBytes, 2));
    }

    [Theory]
    [InlineData("repeat")]          // a user listed twice, far apart: the line numbers of both rows
    [InlineData("mixed date")]      // a later row refreshed on another day
    [InlineData("bad date")]        // a last activity date no calendar has
    [InlineData("short row")]       // a row cut off
    [InlineData("stray quote")]     // a quote inside an unquoted field: no cut can be proven
    [InlineData("comment")]         // a line starting with '#', a comment to the reader
    [InlineData("unclosed quote")]  // the file ends inside a quoted field
    [InlineData("blank lines")]
    public void A_damaged_report_read_in_parts_fails_as_read_from_the_top(string damage)
    {
        var lines = Encoding.UTF8.GetString(Report(ReportKind.EmailActivityUserDetail, 2000)).Split('\n').ToList();
        switch (damage)
        {
            case "repeat": lines[1700] = lines[300]; break;
            case "mixed date": lines[1500] = Day.AddDays(-1).ToString("yyyy-MM-dd") + lines[1500].Substring(10); break;
            case "bad date": lines[1800] = string.Join(",", lines[1800].Split(',').Select((f, i) => i == 5 ? "2023-02-29" : f)); break;
            case "short row": lines[1200] = string.Join(",", lines[1200].Split(',').Take(4)); break;
            case "stray quote": lines[900] = lines[900].Replace(".com", ".c\"om"); break;
            case "comment": lines.Insert(1000, "#\"a comment with a quote"); break;
            case "unclosed quote": lines[lines.Count - 2] = lines[lines.Count - 2] + ",\"MICRO"; lines.RemoveAt(lines.Count - 1); break;
            case "blank lines": lines.Insert(700, ""); lines.Insert(1400, "\r"); break;
        }
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines));
        var expected = Sequential(bytes, ReportKind.EmailActivityUserDetail);
        output.WriteLine(expected);
        if (damage == "repeat") Assert.True(expected.Contains("twice, on line 301 and line 1701"), expected);
        foreach (var partBytes in new[] { 211L, 1024, 9000 })
            Assert.Equal(expected, InParts(bytes, ReportKind.EmailActivityUserDetail, partBytes, 3));
    }

    /// <summary>A report still downloading (DownloadReader) is seekable back over what has arrived and, without an
    /// announced length, gives as its length only what has arrived: cut at that length, the rest would be lost. It
    /// is read as it arrives, from the top.</summary>
    [Fact]
    public void A_report_still_arriving_is_read_from_the_top_not_in_parts()
    {
        var bytes = Report(ReportKind.TeamsUserActivityUserDetail, 3000);
        var expected = Sequential(bytes, ReportKind.TeamsUserActivityUserDetail);
        var work = new BoundedWork(3);
        var reading = new ReportReading(ReportKind.TeamsUserActivityUserDetail, new ReportContent(new Arriving(bytes), "report.csv", null),
            FastTrack.Core.Time.SystemClock.Now, new ConcurrentBag<UsersSeen>(), CancellationToken.None, 1024);
        reading.Start(work, 3);
        work.WaitAll();
        work.ThrowIfFaulted();
        reading.Stop?.Throw();
        Assert.Equal(expected, Describe(reading.Outcome.Value!));
    }

    /// <summary>A stream whose length is its first half of lines, as a download's is while the rest is on its way
    /// (a whole number of lines: a part ending there ends cleanly, and nothing but the stream's kind says that
    /// rows are still to come).</summary>
    private sealed class Arriving(byte[] bytes) : Stream
    {
        private readonly MemoryStream _bytes = new(bytes);
        private readonly long _arrived = Array.IndexOf(bytes, (byte)'\n', bytes.Length / 2) + 1;
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => _arrived;
        public override long Position { get => _bytes.Position; set => _bytes.Position = value; }
        public override int Read(byte[] buffer, int offset, int count) => _bytes.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => _bytes.Seek(offset, origin);
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
