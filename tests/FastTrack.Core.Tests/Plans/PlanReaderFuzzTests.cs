using System.Globalization;
using System.Text;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.AdoptionReports;
using FastTrack.Core.Rules;
using FastTrack.Core.Workspaces;
using Newtonsoft.Json.Linq;
using FastTrack.Core.Measurement;
using FastTrack.Core.Workflow;

namespace FastTrack.Core.Tests.Plans;

/// <summary>Thousands of damaged plan files (fixed seed): truncated, random bytes, a value replaced by null,
/// a wrong type or an extreme, a key removed or written twice, a hole in a list. Each sits in a workspace
/// beside a good plan. The reader may refuse it (with the module's own error) or accept it; what it accepts,
/// every consumer of a plan can work with. No other exception, and the good plan is always listed.</summary>
public sealed class PlanReaderFuzzTests : IDisposable
{
    private static readonly Guid Good = Guid.Parse("2b7e151a-6a1b-4c1e-9b0e-8f3a5d2c9e41");
    private static readonly JToken[] Hostile =
    {
        JValue.CreateNull(), "abc", 99, -1, 1e308, -1e308, "NaN", "Infinity", new JObject(), new JArray(), true, "9999-99-99",
        JToken.Parse("99999999999999999999"), "", new string('x', 5000), 0, 2147483648L, "0001-01-01T00:00:00",
    };

    private readonly TempDirectory _dir = new();
    private readonly PlanStore _store;

    public PlanReaderFuzzTests() => _store = new PlanStore(new Workspace(_dir.Path), PlaybookCatalog.Default);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Damaged_plan_files_are_refused_by_name_or_work_everywhere_and_never_hide_the_good_plan()
    {
        var source = File.ReadAllText(TestData.Path("plans-v1", "contoso.json"));
        var bad = Guid.Parse((string)JObject.Parse(source)["tenantId"]!);
        File.Copy(TestData.Path("plans-v1", "fabrikam.json"), EnsurePlansFolder(Good));
        File.WriteAllText(_store.Workspace.PlanPath(bad), source);
        _store.Update(bad, null, false, _ => { }); // a schema-2 original, so both versions get damaged
        var current = File.ReadAllText(_store.Workspace.PlanPath(bad));
        File.Delete(_store.Workspace.PlanPath(bad) + ".bak");

        var random = new Random(20261130);
        var refused = 0;
        for (var i = 0; i < 2500; i++)
        {
            var damaged = Damage(i % 2 == 0 ? source : current, random);
            File.WriteAllText(_store.Workspace.PlanPath(bad), damaged);
            var outcomes = _store.ReadAll().ToList();
            Assert.Equal(2, outcomes.Count);
            Assert.True(outcomes.Single(o => o.Value?.TenantId == Good || o.Error?.Target is string t && !t.Contains(bad.ToString())).Succeeded);
            var outcome = _store.TryRead(bad) ?? throw new InvalidOperationException("the damaged plan vanished");
            if (!outcome.Succeeded)
            {
                refused++;
                Assert.Contains(outcome.Error!.ErrorId, new[] { "PlanUnreadable", "PlanInvalid", "PlanSchemaTooNew" });
                Assert.Contains(_store.Workspace.PlanPath(bad), outcome.Error.Message);
                continue;
            }
            Use(outcome.Value!, damaged);
        }
        Assert.InRange(refused, 500, 2400);   // the damage is real, and not everything is refused
    }

    private string EnsurePlansFolder(Guid tenant)
    {
        Directory.CreateDirectory(_store.Workspace.PlansDirectory);
        return _store.Workspace.PlanPath(tenant);
    }

    // Every consumer of a plan: the rules, the report, the history, the nightly run, a save.
    private void Use(CustomerPlan plan, string text)
    {
        try
        {
            var advice = PlanAdvice.For(plan, PlaybookCatalog.Default, new DateTime(2026, 11, 30), CultureInfo.GetCultureInfo("es-ES"));
            _ = advice.Actions.Count + advice.Criteria.Count;
            var report = AdoptionReport.For(new[] { plan }, PlaybookCatalog.Default, DateTimeOffset.Now, CultureInfo.InvariantCulture);
            HtmlAdoptionReport.Write(report, TextWriter.Null);
            MarkdownAdoptionReport.Write(report, TextWriter.Null);
            _ = ActiveUsageHistory.Of(plan).Count;
            _ = SuccessExecution.Prepare(plan, PlaybookCatalog.Default, null, DateTimeOffset.Now, CultureInfo.InvariantCulture).Result;
            try { _store.Update(plan.TenantId, null, false, p => p.TargetDate ??= null); }
            catch (FtException) { } // refused by name is fine
        }
        catch (Exception ex) when (ex is not FtException)
        {
            Assert.Fail($"An accepted plan broke a consumer: {ex}\n--- plan file ---\n{text}");
        }
    }

    private static string Damage(string text, Random random)
    {
        switch (random.Next(6))
        {
            case 0: return text.Substring(0, random.Next(text.Length));
            case 1:
                var bytes = new byte[random.Next(0, 400)];
                random.NextBytes(bytes);
                return Encoding.Latin1.GetString(bytes);
            case 5: return DuplicateKey(text, random);
        }
        var document = JObject.Parse(text);
        var tokens = document.Descendants().ToList();
        var target = tokens[random.Next(tokens.Count)];
        switch (random.Next(3))
        {
            case 0 when target is JValue value:
                value.Replace(Hostile[random.Next(Hostile.Length)].DeepClone());
                break;
            case 1 when target is JProperty property && property.Name != "tenantId":
                property.Remove();
                break;
            default:
                var arrays = tokens.OfType<JArray>().ToList();
                if (arrays.Count > 0) arrays[random.Next(arrays.Count)].Add(random.Next(2) == 0 ? JValue.CreateNull() : Hostile[random.Next(Hostile.Length)].DeepClone());
                break;
        }
        return document.ToString();
    }

    private static string DuplicateKey(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var keyed = Enumerable.Range(0, lines.Count).Where(i => lines[i].TrimStart().StartsWith("\"") && lines[i].TrimEnd().EndsWith(",")).ToList();
        if (keyed.Count == 0) return text;
        var line = keyed[random.Next(keyed.Count)];
        lines.Insert(line, lines[line]);
        return string.Join('\n', lines);
    }
}
