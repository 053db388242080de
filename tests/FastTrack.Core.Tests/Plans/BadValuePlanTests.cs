using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Tests.Plans;

/// <summary>Issue 15: each value that once crashed every listing and nightly run (FormatException, Overflow,
/// InvalidCast, NullReference, "Sequence contains no matching element", OutOfMemory) is refused by name for
/// its own plan; the other plans are listed.</summary>
public sealed class BadValuePlanTests : IDisposable
{
    private static readonly Guid Good = Guid.Parse("11111111-2222-3333-4444-555555555555");
    private static readonly Guid Bad = Guid.Parse("99999999-8888-7777-6666-555555555555");
    private readonly TempDirectory _dir = new();
    private readonly PlanStore _store;

    public BadValuePlanTests()
    {
        _store = new PlanStore(new Workspace(_dir.Path), PlaybookCatalog.Default);
        _store.Create(CustomerPlan.New(PlaybookCatalog.Default, Good, "Good Co", DateTimeOffset.Now));
        var bad = CustomerPlan.New(PlaybookCatalog.Default, Bad, "Bad Co", DateTimeOffset.Now);
        bad.Blockers.Add(new Blocker { Id = 1, Description = "Proxy", Opened = new DateTime(2026, 11, 1) });
        bad.SuccessMetrics.Add(new SuccessMetric { Name = "Meetings", Target = 5 });
        bad.UsageHistory.Add(new FastTrack.Core.Usage.UsageSnapshot { Service = M365Service.Teams, AsOf = new DateTime(2026, 11, 28), ActiveUsers = 10, Denominator = 100, ActiveUsagePercent = 10 });
        _store.Create(bad);
    }

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string, string> Damage => new()
    {
        { "$.schemaVersion", "\"abc\"", "schemaVersion must be a whole number" },
        { "$.schemaVersion", "99999999999", "schemaVersion must be a whole number" },
        { "$.schemaVersion", "{}", "schemaVersion must be a whole number" },
        { "$.services[0]", "null", "'plan.services' holds a null entry" },
        { "$.tasks[1]", "null", "'plan.tasks' holds a null entry" },
        { "$.blockers[0]", "null", "'plan.blockers' holds a null entry" },
        { "$.successMetrics[0]", "null", "'plan.successMetrics' holds a null entry" },
        { "$.usageHistory[0]", "null", "'plan.usageHistory' holds a null entry" },
        { "$.services[0].service", "99", "Error converting value 99" },
        { "$.phase", "99", "Error converting value 99" },
        { "$.services[0].targetAU", "1e308", "must be between 0 and 100" },
        { "$.services[0].targetAU", "-5", "must be between 0 and 100" },
        { "$.usageHistory[0].activeUsagePercent", "\"NaN\"", "is not a measurement" },
        { "$.blockers", "[{\"id\":1,\"description\":\"a\",\"opened\":\"2026-11-01\"},{\"id\":1,\"description\":\"b\",\"opened\":\"2026-11-01\"}]", "Blocker #1 is listed 2 times" },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_bad_value_is_refused_by_name_and_the_other_plans_are_listed(string path, string json, string said)
    {
        var file = _store.Workspace.PlanPath(Bad);
        var document = JObject.Parse(File.ReadAllText(file));
        document.SelectToken(path)!.Replace(JToken.Parse(json));
        File.WriteAllText(file, document.ToString());

        var outcomes = _store.ReadAll().ToList();
        Assert.Equal("Good Co", Assert.Single(outcomes, o => o.Succeeded).Value!.Customer);
        var error = Assert.Single(outcomes, o => !o.Succeeded).Error!;
        Assert.Contains(error.ErrorId, new[] { "PlanUnreadable", "PlanInvalid" });
        Assert.Contains(file, error.Message);
        Assert.True(error.Message.Contains(said), error.Message);
        Assert.Throws<FtException>(() => _store.Update(Bad, null, true, p => p.Phase = PlanPhase.Closed));
    }

    [Fact]
    public void A_key_written_twice_is_refused_with_its_line()
    {
        var file = _store.Workspace.PlanPath(Bad);
        var text = File.ReadAllText(file).Replace("\"customer\": \"Bad Co\",", "\"customer\": \"Bad Co\",\n  \"customer\": \"Other Co\",");
        File.WriteAllText(file, text);
        var error = _store.TryRead(Bad)!.Value.Error!;
        Assert.Equal("PlanUnreadable", error.ErrorId);
        Assert.Contains("customer", error.Message);
        Assert.Matches(@"\(line \d+, position \d+\)", error.Message);
    }
}
