using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;
using Sylvan.Data.Csv;

namespace FastTrack.Core.Tests.Usage;

/// <summary>Thousands of damaged reports grown from the real rows in TestData/graph (fixed seed), measured the
/// two public ways: a folder (FolderUsageSource + ActiveUsageCalculator) and Import-Csv rows (ScanRows). Nothing
/// but FtException may escape; a report that must be refused gives no number; a number given is the one an
/// independent count of the same rows gives (issue 15).</summary>
public sealed class ReportReaderFuzzTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const int Cases = 4000;
    private static readonly DateTime Today = DateTime.UtcNow.Date;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Damaged_reports_are_refused_or_measured_right_never_crash()
    {
        var random = new Random(20261130);
        var samples = Directory.GetFiles(TestData.Path("graph"), "*.example-cli-m365.csv").OrderBy(f => f, StringComparer.Ordinal).Select(Sample.Load).ToList();
        var failures = new List<string>();
        int measured = 0, refused = 0, piped = 0;
        for (var i = 0; i < Cases && failures.Count < 10; i++)
        {
            var sample = samples[random.Next(samples.Count)];
            var (bytes, steps) = Generate(random, sample);
            var expected = Oracle.Of(bytes, Today);
            try
            {
                var folder = Path.Combine(_dir.Path, $"case{i}");
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(Path.Combine(folder, "report.csv"), bytes);
                if (MeasureFolder(folder, expected, out var problem)) measured++;
                else refused++;
                if (problem is not null) failures.Add($"case {i} ({sample.Name}: {steps}), folder: {problem}");
                if (expected.Piped is { } rows)
                {
                    piped++;
                    if (MeasurePiped(rows, expected) is { } pipedProblem) failures.Add($"case {i} ({sample.Name}: {steps}), piped: {pipedProblem}");
                }
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                failures.Add($"case {i} ({sample.Name}: {steps}): {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
            }
        }
        output.WriteLine($"{Cases} cases: {measured} measured, {refused} refused from a folder; {piped} piped.");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        // The consistency checks ran on many reports, not only on refusals.
        Assert.True(measured > Cases / 5, $"only {measured} of {Cases} cases were measured ({refused} refused)");
        Assert.True(piped > Cases / 5, $"only {piped} of {Cases} cases were piped");
    }

    /// <summary>True when a number was given. problem: what was wrong, or null.</summary>
    private static bool MeasureFolder(string folder, Oracle expected, out string? problem)
    {
        problem = null;
        IReadOnlyList<Outcome<ActiveUsage>> results;
        try
        {
            var source = new FolderUsageSource(folder);
            var services = expected.Kind is { } kind ? ReportDefinition.For(kind).Services : Array.Empty<M365Service>();
            results = new ActiveUsageCalculator().Measure(source, services.Count > 0 ? services.ToList() : new List<M365Service> { M365Service.Teams },
                _ => new UsageGoal(10, null, UsageBasis.LicensedUsers));
        }
        catch (FtException)
        {
            return false;
        }
        var given = results.Where(r => r.Succeeded).Select(r => r.Value!).ToList();
        if (given.Count == 0) return false;
        if (expected.MustRefuse is { } why) problem = $"measured although {why}: {string.Join(", ", given.Select(g => $"{g.Service} {g.ActiveUsers}/{g.Denominator}"))}";
        else problem = Check(given, expected);
        return true;
    }

    private static string? MeasurePiped(List<Dictionary<string, string?>> rows, Oracle expected)
    {
        IReadOnlyList<Outcome<ActiveUsage>> results;
        try
        {
            var scan = ActiveUsageCalculator.ScanRows(rows[0], rows.Skip(1), "the report rows piped in");
            results = ActiveUsageCalculator.FromScan(scan, null, _ => new UsageGoal(10, null, UsageBasis.LicensedUsers));
        }
        catch (FtException)
        {
            return null;
        }
        var given = results.Where(r => r.Succeeded).Select(r => r.Value!).ToList();
        if (given.Count == 0) return null;
        if (expected.PipedMustRefuse is { } why) return $"measured although {why}";
        return Check(given, expected);
    }

    private static string? Check(List<ActiveUsage> given, Oracle expected)
    {
        foreach (var usage in given)
        {
            if (!expected.Counts.TryGetValue(usage.Service, out var count)) return $"{usage.Service} measured from a report that has no such service";
            if (usage.ActiveUsers < 0 || usage.ActiveUsers > expected.Rows) return $"{usage.Service}: {usage.ActiveUsers} active of {expected.Rows} rows";
            if (usage.Denominator < 0 || usage.Denominator > expected.Rows) return $"{usage.Service}: denominator {usage.Denominator} of {expected.Rows} rows";
            if (usage.ActiveUsers != count.Active || usage.Denominator != count.Licensed)
                return $"{usage.Service}: {usage.ActiveUsers}/{usage.Denominator}, counted by hand {count.Active}/{count.Licensed}";
            double? percent = usage.Denominator > 0 ? Math.Round(usage.ActiveUsers * 100.0 / usage.Denominator, 1, MidpointRounding.AwayFromZero) : null;
            if (usage.ActiveUsagePercent != percent || percent < 0) return $"{usage.Service}: {usage.ActiveUsagePercent}% for {usage.ActiveUsers}/{usage.Denominator}";
            if (usage.MeetsTarget != (percent is null ? null : percent >= 10)) return $"{usage.Service}: MeetsTarget {usage.MeetsTarget} at {percent}%";
            if (usage.AsOf != expected.RefreshDate) return $"{usage.Service}: as of {usage.AsOf:yyyy-MM-dd}, the report's refresh date is {expected.RefreshDate:yyyy-MM-dd}";
            if (usage.WindowDays != 28) return $"{usage.Service}: a {usage.WindowDays}-day window";
        }
        return null;
    }

    // ---- Generation: the real rows, more of them, then damage ----

    private static (byte[] Bytes, string Steps) Generate(Random random, Sample sample)
    {
        var steps = new List<string>();
        if (random.Next(40) == 0)
        {
            var noise = new byte[random.Next(0, 300)];
            random.NextBytes(noise);
            return (noise, $"{noise.Length} random bytes");
        }
        var header = sample.Header.ToList();
        var plain = random.Next(3) > 0; // else concealed names, as the samples have them
        var rows = Enumerable.Range(0, random.Next(0, 9)).Select(i => Row(random, sample, i, plain)).ToList();
        steps.Add($"{rows.Count} rows, {(plain ? "plain" : "concealed")} names");
        var damage = random.Next(5) < 2 ? 0 : random.Next(1, 4); // some untouched, so the counts are checked often
        for (var d = 0; d < damage; d++) steps.Add(Damage(random, header, rows));
        var newline = random.Next(4) == 0 ? "\n" : "\r\n";
        var text = string.Join(newline, new[] { string.Join(",", header) }.Concat(rows.Select(r => string.Join(",", r)))) + (random.Next(5) == 0 ? "" : newline);
        var bytes = (random.Next(3) > 0 ? new byte[] { 0xEF, 0xBB, 0xBF } : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        if (random.Next(6) == 0)
        {
            var cut = random.Next(bytes.Length + 1);
            bytes = bytes.Take(cut).ToArray();
            steps.Add($"cut at byte {cut}");
        }
        return (bytes, string.Join("; ", steps));
    }

    private static List<string> Row(Random random, Sample sample, int index, bool plain)
    {
        var row = sample.Row.ToList();
        if (sample.Column("User Principal Name") is var upn and >= 0)
            row[upn] = plain ? (random.Next(4) == 0 ? $"User{index}@Contoso.com" : $"user{index}@contoso.com") : Hex(random);
        foreach (var date in sample.DateColumns)
        {
            if (random.Next(4) == 0) row[date] = "";
            else row[date] = sample.RefreshDate.AddDays(-random.Next(0, 60)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        if (sample.Column("Is Deleted") is var deleted and >= 0 && random.Next(6) == 0) row[deleted] = "True";
        if (sample.Column("Is Licensed") is var licensed and >= 0) row[licensed] = random.Next(4) == 0 ? "No" : "Yes";
        if (sample.Column("Outlook For Mobile") is var mobile and >= 0) row[mobile] = random.Next(2) == 0 ? "" : "Undetermined";
        return row;
    }

    private static readonly string[] Values =
    {
        "", " ", "abc", "12/11/2026", "1/2/3", "0000-01-01", "9999-12-31", "2024-02-30", "-1", "99999999999999999999", "1e308",
        "True", "False", "Yes", "no", "TRUE", "(Unknown)", "\"", "\"\"", "\"a,b\"", "a\"b", "\"x\r\ny\"", "\u0000", "\uFFFD", "é", "𝔘",
        "2022-10-28", "2021-10-25T00:00:00Z", "user0@contoso.com",
    };

    private static string Damage(Random random, List<string> header, List<List<string>> rows)
    {
        switch (random.Next(7))
        {
            case 0 when rows.Count > 0:
                var source = random.Next(rows.Count);
                rows.Insert(random.Next(rows.Count + 1), rows[source].ToList());
                return $"row {source + 1} repeated";
            case 1 when rows.Count > 0:
                var (r, f) = (random.Next(rows.Count), random.Next(rows[0].Count));
                var value = random.Next(5) == 0 ? RandomText(random) : Values[random.Next(Values.Length)];
                if (f < rows[r].Count) rows[r][f] = value;
                return $"row {r + 1} field {f + 1} = {Escape(value)}";
            case 2:
                var column = random.Next(header.Count);
                var name = header[column];
                header[column] = random.Next(4) switch
                {
                    0 => "",
                    1 => header[random.Next(header.Count)],
                    2 => name.ToUpperInvariant(),
                    _ => name + "x",
                };
                return $"header column {column + 1} '{name}' -> '{header[column]}'";
            case 3:
                var drop = random.Next(header.Count);
                header.RemoveAt(drop);
                if (random.Next(2) == 0) foreach (var row in rows) if (drop < row.Count) row.RemoveAt(drop);
                return $"column {drop + 1} removed";
            case 4 when rows.Count > 0:
                var shorten = random.Next(rows.Count);
                var keep = random.Next(rows[shorten].Count);
                rows[shorten] = rows[shorten].Take(keep).ToList();
                return $"row {shorten + 1} cut to {keep} fields";
            case 5 when rows.Count > 0:
                var blank = random.Next(rows.Count + 1);
                rows.Insert(blank, new List<string> { "" });
                return $"blank line before row {blank + 1}";
            default:
                return "nothing";
        }
    }

    private static string RandomText(Random random)
    {
        var chars = new char[random.Next(1, 12)];
        for (var i = 0; i < chars.Length; i++) chars[i] = random.Next(4) == 0 ? ",\"\r\n\t\u0000"[random.Next(6)] : (char)random.Next(1, 0xD7FF);
        return new string(chars);
    }

    private static string Hex(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return Convert.ToHexString(bytes);
    }

    private static string Escape(string text) => Regex.Replace(text, @"[^\x20-\x7E]", m => $"\\u{(int)m.Value[0]:X4}");

    /// <summary>One real report: its header and its one row, from the CLI for Microsoft 365 docs.</summary>
    private sealed class Sample
    {
        public required string Name { get; init; }
        public required string[] Header { get; init; }
        public required string[] Row { get; init; }
        public DateTime RefreshDate { get; init; }
        public int[] DateColumns { get; init; } = Array.Empty<int>();

        public int Column(string name) => Array.FindIndex(Header, h => h == name);

        public static Sample Load(string path)
        {
            var lines = File.ReadAllLines(path);
            var header = lines[0].Split(',');
            var row = lines[1].Split(',');
            return new Sample
            {
                Name = Path.GetFileName(path),
                Header = header,
                Row = row,
                RefreshDate = DateTime.ParseExact(row[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateColumns = header.Select((h, i) => (h, i)).Where(c => c.h.EndsWith("Last Activity Date", StringComparison.Ordinal)).Select(c => c.i).ToArray(),
            };
        }
    }

    // ---- The oracle: the same bytes read and counted by hand, without the engine's reader ----

    private sealed class Oracle
    {
        public ReportKind? Kind { get; private set; }
        /// <summary>Why no number may be given, or null.</summary>
        public string? MustRefuse { get; private set; }
        public string? PipedMustRefuse { get; private set; }
        public long Rows { get; private set; }
        public DateTime RefreshDate { get; private set; }
        public Dictionary<M365Service, (long Active, long Licensed)> Counts { get; } = new();
        /// <summary>The rows as Import-Csv gives them (null for a field a row lacks), or null when Import-Csv would refuse.</summary>
        public List<Dictionary<string, string?>>? Piped { get; private set; }

        private static readonly Regex Concealed = new("^([0-9A-F]{32}|\\(Unknown\\))$");

        public static Oracle Of(byte[] bytes, DateTime today)
        {
            var oracle = new Oracle();
            List<string[]> records;
            string[] header;
            try
            {
                using var reader = CsvDataReader.Create(new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), true),
                    new CsvDataReaderOptions { HasHeaders = true, BufferSize = 64 * 1024, MaxBufferSize = CsvReportRows.MaxRowChars });
                header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i)).ToArray();
                records = new List<string[]>();
                while (reader.Read()) records.Add(Enumerable.Range(0, reader.RowFieldCount).Select(reader.GetString).ToArray());
            }
            catch (Exception ex) when (ex is CsvFormatException || ex is CsvMissingHeadersException)
            {
                oracle.MustRefuse = "the CSV cannot be read";
                return oracle;
            }
            // Without a byte order mark, a NUL byte says binary or UTF-16: not a CSV export.
            var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            if (!bom && bytes.Take(4096).Contains((byte)0)) { oracle.MustRefuse = "the file is not text"; return oracle; }
            var names = header.Select(h => h.Trim()).ToArray();
            oracle.Kind = ReportDefinition.Recognise(names)?.Kind;
            oracle.Rows = records.Count;
            if (oracle.Kind is null) { oracle.MustRefuse = "the report is not one the module reads"; return oracle; }
            if (records.Count == 0) { oracle.MustRefuse = "the report has no user rows"; return oracle; }
            var named = names.Where(n => n.Length > 0).ToList();
            var structural = named.Count != named.Distinct(StringComparer.OrdinalIgnoreCase).Count() ? "a column is named twice" : null;
            var shortRow = records.Any(r => r.Length < names.Length);
            var longRow = records.Any(r => r.Length > names.Length);
            oracle.Count(names, records.Select(r => r.Length >= names.Length ? r : r.Concat(Enumerable.Repeat<string?>(null, names.Length - r.Length)).ToArray()).ToList(), today);
            oracle.MustRefuse = structural ?? (shortRow || longRow ? "a row has not the header's fields" : null) ?? oracle.CountProblem;
            // Import-Csv drops the fields past the header, and gives null for those a row lacks.
            oracle.PipedMustRefuse = structural ?? (shortRow ? "a row lacks fields" : null) ?? oracle.CountProblem;
            // Import-Csv refuses duplicate or blank names itself; with no row, nothing is piped.
            if (records.Count > 0 && header.All(h => h.Length > 0) && header.Distinct(StringComparer.OrdinalIgnoreCase).Count() == header.Length)
            {
                oracle.Piped = records.Select(r => header.Select((h, i) => (h, v: i < r.Length ? r[i] : null)).ToDictionary(p => p.h, p => p.v, StringComparer.OrdinalIgnoreCase)).ToList();
            }
            return oracle;
        }

        /// <summary>Why counting by hand found the report unmeasurable, or null.</summary>
        public string? CountProblem { get; private set; }

        // Counts by the definitions in about_FastTrack: active = last activity in the 28 days ending at the
        // refresh date; licensed = Is Licensed not No (Has X License for the active-user report); deleted rows out.
        private void Count(string[] names, List<string?[]> rows, DateTime today)
        {
            int Col(string name) => Array.FindIndex(names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
            var definition = ReportDefinition.For(Kind!.Value);
            var read = definition.Required.Concat(Kind == ReportKind.Office365ActiveUserDetail
                ? definition.Services.SelectMany(s => new[] { $"Has {ReportDefinition.ActiveUserWord(s)} License", $"{ReportDefinition.ActiveUserWord(s)} Last Activity Date" })
                : Array.Empty<string>());
            if (read.Any(r => Col(r) < 0)) { CountProblem = "a column the engine reads is missing"; return; }
            var refreshColumn = Col(ReportDefinition.RefreshDate);
            var dates = rows.Select(r => Day(r[refreshColumn])).ToList();
            if (dates.Any(d => d is null)) { CountProblem = "a refresh date is not yyyy-MM-dd"; return; }
            if (dates.Distinct().Count() > 1) { CountProblem = "the rows have different refresh dates"; return; }
            RefreshDate = dates[0]!.Value;
            if (RefreshDate < new DateTime(2011, 1, 1) || RefreshDate > today.AddDays(1)) { CountProblem = "the refresh date is implausible"; return; }
            var windowStart = RefreshDate.AddDays(-27);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var counts = definition.Services.ToDictionary(s => s, _ => (Active: 0L, Licensed: 0L));
            foreach (var row in rows)
            {
                var upn = row[Col(ReportDefinition.UserPrincipalName)] ?? "";
                var deletedText = Col("Is Deleted") is var d and >= 0 ? row[d] : null;
                if (!string.IsNullOrEmpty(deletedText) && Bool(deletedText) is null) { CountProblem = "Is Deleted is not a boolean"; return; }
                var deleted = deletedText is not null ? Bool(deletedText) == true : Col("User State") is var s and >= 0 && string.Equals(row[s], "deleted", StringComparison.OrdinalIgnoreCase);
                if (deleted) continue;
                var key = Kind == ReportKind.Office365ActivationsUserDetail ? upn + "\n" + row[Col("Product Type")] : upn;
                if (upn.Length > 0 && !Concealed.IsMatch(upn) && !seen.Add(key)) { CountProblem = $"{upn} is listed twice"; return; }
                foreach (var service in definition.Services)
                {
                    var word = Kind == ReportKind.Office365ActiveUserDetail ? ReportDefinition.ActiveUserWord(service) : null;
                    bool? licensed = word is not null ? Bool(row[Col($"Has {word} License")]) ?? false
                        : Col("Is Licensed") is var l and >= 0 ? Bool(row[l]) != false : true;
                    if (word is not null && row[Col($"Has {word} License")] is { } text && Bool(text) is null && text.Length > 0) { CountProblem = "a licence is not a boolean"; return; }
                    if (word is null && Col("Is Licensed") is var li and >= 0 && row[li] is { Length: > 0 } lt && Bool(lt) is null) { CountProblem = "Is Licensed is not a boolean"; return; }
                    var lastText = row[Col(word is null ? ReportDefinition.LastActivityDate : $"{word} Last Activity Date")];
                    var last = Day(lastText);
                    if (last is null && !string.IsNullOrEmpty(lastText)) { CountProblem = "a last activity date is not yyyy-MM-dd"; return; }
                    var active = last is { } day && day >= windowStart && day <= RefreshDate;
                    if (Kind == ReportKind.EmailAppUsageUserDetail && string.IsNullOrWhiteSpace(row[Col("Outlook For Mobile")])) active = false;
                    var (a, n) = counts[service];
                    counts[service] = (a + (active ? 1 : 0), n + (licensed == true ? 1 : 0));
                }
            }
            foreach (var count in counts) Counts[count.Key] = count.Value;
        }

        private static DateTime? Day(string? text) =>
            text is not null && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : text is not null && text.Length > 10 && text[10] == 'T' && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp) ? stamp.UtcDateTime.Date
            : null;

        private static bool? Bool(string? text) => text?.ToUpperInvariant() switch
        {
            "TRUE" or "YES" => true,
            "FALSE" or "NO" => false,
            _ => null,
        };
    }
}
