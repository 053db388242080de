using System.Text;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Tests.Usage;

/// <summary>Issue 18: the parts' reader (Utf8CsvRows) reads a record exactly as CsvReportRows (Sylvan) does, or
/// refuses it: never a different field. Thousands of small CSV texts built from the pieces that make parsers
/// disagree (quotes, escaped quotes, commas and line breaks in quotes, carriage returns, blank and '#' lines,
/// non-ASCII and invalid UTF-8, a missing last line feed), read by both (fixed seed).</summary>
public sealed class Utf8CsvRowsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string[] Pieces =
    {
        "abc", "2026-11-22", "", "x y", "Zoë", "東京", "\"q\"", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "\"cr\r\nlf\"",
        "a\"b", "\"open", "\"x\"y", "#c", " ", "\r", "\uFFFD",
        // Longer than a vector of bytes, with a character that is not ASCII past the first vector, or none.
        "avery.smith.000000@contoso.onmicrosoft.com", "a name longer than one vector of bytes, then Zoë",
    };

    [Fact]
    public void Every_text_is_read_as_Sylvan_reads_it_or_refused()
    {
        var random = new Random(20261130);
        var (same, refused) = (0, 0);
        var failures = new List<string>();
        for (var i = 0; i < 4000 && failures.Count < 5; i++)
        {
            var bytes = Text(random);
            var expected = Read(() => new CsvReportRows(new MemoryStream(bytes), "t.csv"));
            var actual = Read(() => new Utf8CsvRows(new MemoryStream(bytes), "t.csv"));
            // The same bytes arriving a few at a time: what the reader knows of its buffer (where a record ends,
            // where the next quote is) holds across its refills.
            var trickled = Read(() => new Utf8CsvRows(new Trickle(bytes, random.Next(1, 9)), "t.csv"));
            if (trickled != actual) failures.Add($"{Show(bytes)}\n  whole:    {actual}\n  trickled: {trickled}");
            // Only the first fields placed, as a scan asks (the rest counted): a later field asked for is placed then.
            var upTo = random.Next(0, 3);
            var lazily = Read(() => new Utf8CsvRows(new MemoryStream(bytes), "t.csv"), rows => ((Utf8CsvRows)rows).PlaceUpTo(upTo), backwards: true);
            if (lazily != actual) failures.Add($"{Show(bytes)}\n  whole:  {actual}\n  placed up to field {upTo}, read backwards: {lazily}");
            if (actual is null) refused++;
            else if (actual == expected) same++;
            else failures.Add($"{Show(bytes)}\n  Sylvan: {expected}\n  ours:   {actual}");
        }
        output.WriteLine($"{same} read the same, {refused} refused.");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        // Both kinds of text occur: the test says something about each.
        Assert.InRange(refused, 400, 3600);
    }

    [Fact]
    public void A_plain_record_and_a_quoted_one_give_their_fields()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFFA , B,C\r\n2026-11-22,\"Smith, \"\"Al\"\"\",Zoë\r\n1,,\r\n");
        using var rows = new Utf8CsvRows(new MemoryStream(bytes), "t.csv");
        Assert.Equal(new[] { "A", "B", "C" }, rows.Headers);
        Assert.True(rows.Read());
        Assert.Equal(new[] { "2026-11-22", "Smith, \"Al\"", "Zoë" }, Enumerable.Range(0, rows.FieldCount).Select(i => rows.Span(i).ToString()));
        Assert.True(rows.Read());
        Assert.Equal(new[] { "1", "", "" }, Enumerable.Range(0, rows.FieldCount).Select(i => rows.Get(i)));
        Assert.Null(rows.Get(3));
        Assert.False(rows.Read());
        Assert.Equal(2, rows.Row);
    }

    [Theory]
    [InlineData("a,b\n1,2\n\n3,4\n")]        // a blank line
    [InlineData("a,b\n#1,2\n")]              // a comment line
    [InlineData("a,b\n1,\"2\n")]             // a quote never closed
    [InlineData("a,b\n1,2\"x\n")]            // a quote inside a field
    [InlineData("a,b\n\"1\"x,2\n")]          // a character after a closing quote
    [InlineData("a,b\n1\r2,3\n")]            // a lone carriage return
    public void What_it_might_read_otherwise_than_Sylvan_is_refused(string text)
    {
        var fault = Assert.Throws<InvalidDataException>(() =>
        {
            using var rows = new Utf8CsvRows(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.csv");
            while (rows.Read()) { }
        });
        Assert.Contains("t.csv", fault.Message);
    }

    [Fact]
    public void A_record_longer_than_the_buffer_is_read_whole()
    {
        var name = new string('n', 300_000);
        var bytes = Encoding.UTF8.GetBytes($"a,b,c\n1,{name},3\n4,\"{name},\",6\n");
        using var rows = new Utf8CsvRows(new MemoryStream(bytes), "t.csv");
        Assert.True(rows.Read());
        Assert.Equal(name, rows.Get(1));
        Assert.Equal("3", rows.Get(2));
        Assert.True(rows.Read());
        Assert.Equal(name + ",", rows.Get(1));
        Assert.False(rows.Read());
    }

    /// <summary>A stream that gives at most a few bytes a read, as a slow disk or a pipe may.</summary>
    private sealed class Trickle(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, most));
    }

    private static byte[] Text(Random random)
    {
        var text = new StringBuilder();
        var columns = random.Next(1, 5);
        text.Append(string.Join(",", Enumerable.Range(0, columns).Select(c => $"h{c}"))).Append(random.Next(2) == 0 ? "\n" : "\r\n");
        for (var row = random.Next(0, 5); row > 0; row--)
        {
            // Mostly the header's number of fields; now and then a piece that breaks the rules.
            var fields = Enumerable.Range(0, columns).Select(_ => random.Next(3) == 0 ? Pieces[random.Next(Pieces.Length)] : $"v{random.Next(100)}");
            text.Append(string.Join(",", fields));
            if (row > 1 || random.Next(4) != 0) text.Append(random.Next(2) == 0 ? "\n" : "\r\n");
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString()).ToList();
        if (random.Next(8) == 0) bytes.Insert(random.Next(bytes.Count), 0xC3); // a broken UTF-8 sequence
        if (random.Next(3) == 0) bytes.InsertRange(0, new byte[] { 0xEF, 0xBB, 0xBF });
        return bytes.ToArray();
    }

    // Headers and every row's fields, or null when the reader refuses; Sylvan's own refusals are a text too.
    private static string? Read(Func<IReportRows> open, Action<IReportRows>? opened = null, bool backwards = false)
    {
        var text = new StringBuilder();
        try
        {
            using var rows = open();
            opened?.Invoke(rows);
            text.Append(string.Join("|", rows.Headers));
            while (rows.Read())
            {
                var fields = new string?[rows.FieldCount];
                for (var k = 0; k < fields.Length; k++)
                {
                    var i = backwards ? fields.Length - 1 - k : k;
                    fields[i] = rows.Get(i);
                }
                text.Append(" / ").Append(string.Join("|", fields));
            }
            return text.ToString();
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (Errors.FtException ex)
        {
            return $"{text} ! {ex.Error.ErrorId}";
        }
    }

    private static string Show(byte[] bytes) => string.Concat(bytes.Select(b => b is >= 32 and < 127 ? ((char)b).ToString() : $"\\x{b:X2}"));
}
