using System.Text;
using FastTrack.Core.Sample;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Tests.Usage;

/// <summary>Issue 18: hundreds of sample reports, damaged at random rows (quotes with line breaks, stray quotes,
/// comments, repeats, dates, short rows, blank lines, a cut), each read from the top and in parts of a random few
/// hundred bytes on two to four threads: the two readings must say the same, to the error and its line (fixed seed).</summary>
public sealed class ReportPartsFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Cases = 300;
    private static readonly DateTime Day = DateTime.UtcNow.Date.AddDays(-3);

    [Fact]
    public void Reports_read_in_parts_say_what_reports_read_from_the_top_say()
    {
        var random = new Random(20261201);
        var kinds = ReportPartsTests.CsvKinds;
        var failures = new List<string>();
        var refused = 0;
        for (var i = 0; i < Cases && failures.Count < 5; i++)
        {
            var kind = kinds[random.Next(kinds.Length)];
            var (bytes, steps) = Damaged(random, kind);
            var expected = ReportPartsTests.Sequential(bytes, kind);
            if (!expected.StartsWith(kind.ToString(), StringComparison.Ordinal)) refused++;
            var (partBytes, readers) = (random.Next(40, 3000), random.Next(2, 5));
            var actual = ReportPartsTests.InParts(bytes, kind, partBytes, readers);
            if (actual != expected) failures.Add($"case {i} ({kind}: {steps}; parts of {partBytes} bytes, {readers} readers):\n  from the top: {expected}\n  in parts:     {actual}");
        }
        output.WriteLine($"{Cases} cases, {refused} refused.");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.InRange(refused, Cases / 10, Cases * 9 / 10);
    }

    private static (byte[] Bytes, string Steps) Damaged(Random random, ReportKind kind)
    {
        using var buffer = new MemoryStream();
        new SampleTenant(new SampleTenantOptions { Users = random.Next(20, 400), LastDay = Day, Seed = random.Next() }).WriteReport(kind, Day, buffer);
        var lines = Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var steps = new List<string>();
        for (var d = random.Next(0, 4); d > 0; d--) steps.Add(Damage(random, lines));
        var newline = random.Next(3) == 0 ? "\n" : "\r\n";
        var text = string.Join(newline, lines) + (random.Next(5) == 0 ? "" : newline);
        var bytes = (random.Next(2) == 0 ? new byte[] { 0xEF, 0xBB, 0xBF } : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        if (random.Next(10) == 0)
        {
            var cut = random.Next(bytes.Length / 2, bytes.Length + 1);
            bytes = bytes.Take(cut).ToArray();
            steps.Add($"cut at byte {cut}");
        }
        return (bytes, string.Join("; ", steps));
    }

    private static string Damage(Random random, List<string> lines)
    {
        var row = random.Next(1, lines.Count);
        var fields = lines[row].Split(',');
        var field = random.Next(fields.Length);
        switch (random.Next(11))
        {
            case 0:
                // RFC 4180 quoting: a comma, an escaped quote, line breaks of both kinds.
                fields[field] = $"\"{fields[field]},\r\n\"\"x\"\"\n{random.Next(100)}\"";
                lines[row] = string.Join(",", fields);
                return $"row {row} field {field} quoted with line breaks";
            case 1:
                var source = random.Next(1, lines.Count);
                lines.Insert(random.Next(1, lines.Count + 1), lines[source]);
                return $"row {source} repeated";
            case 2:
                fields[field] = new[] { "2023-02-29", "12/11/2026", "", "Maybe", "2021-10-25T00:00:00Z", Day.AddDays(-1).ToString("yyyy-MM-dd") }[random.Next(6)];
                lines[row] = string.Join(",", fields);
                return $"row {row} field {field} = '{fields[field]}'";
            case 3:
                lines[row] = string.Join(",", fields.Take(random.Next(fields.Length)));
                return $"row {row} cut short";
            case 4:
                lines[row] = lines[row].Insert(random.Next(lines[row].Length), "\"");
                return $"row {row}: a quote inside";
            case 5:
                lines.Insert(row, "#\"" + lines[row]);
                return $"a comment before row {row}";
            case 6:
                lines.Insert(row, random.Next(2) == 0 ? "" : "\r");
                return $"a blank line before row {row}";
            case 8:
                // A line inside quotes that starts as records do: a cut after it must be found inside quotes.
                fields[field] = $"\"x\n{lines[row].Substring(0, Math.Min(11, lines[row].Length))}\n{lines[row].Substring(0, Math.Min(11, lines[row].Length))}y\"";
                lines[row] = string.Join(",", fields);
                return $"row {row} field {field}: lines inside quotes that start as a record does";
            case 7:
                lines[row] = lines[row] + ",\"" + string.Join("\n", lines.Skip(row + 1).Take(random.Next(1, 4)));
                return $"row {row}: a quote opened, closed only by the file's end or a later one";
            default:
                return "nothing";
        }
    }
}
