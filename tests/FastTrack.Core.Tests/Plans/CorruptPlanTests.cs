using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Tests.Plans;

/// <summary>A plan file that cannot be read is reported with its path and the place of the fault, is
/// never overwritten, and the other plans are still listed.</summary>
public sealed class CorruptPlanTests : IDisposable
{
    private static readonly Guid Good = Guid.Parse("11111111-2222-3333-4444-555555555555");
    private static readonly Guid Bad = Guid.Parse("99999999-8888-7777-6666-555555555555");
    private readonly TempDirectory _dir = new();
    private readonly PlanStore _store;

    public CorruptPlanTests()
    {
        _store = new PlanStore(new Workspace(_dir.Path), PlaybookCatalog.Default);
        _store.Create(CustomerPlan.New(PlaybookCatalog.Default, Good, "Good Co", DateTimeOffset.Now));
        _store.Create(CustomerPlan.New(PlaybookCatalog.Default, Bad, "Bad Co", DateTimeOffset.Now));
    }

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string> Corruptions => new()
    {
        { "truncated", "" },
        { "invalid", "line 3" },
        { "future", $"schema version {CustomerPlan.CurrentSchemaVersion + 1}" },
        { "empty", "empty" },
    };

    private string Corrupt(string kind)
    {
        var path = _store.Workspace.PlanPath(Bad);
        var text = File.ReadAllText(path);
        var corrupt = kind switch
        {
            "truncated" => text.Substring(0, text.Length / 2),
            "invalid" => text.Replace("\"revision\": 1,", "\"revision\": 1,,"),
            "future" => text.Replace($"\"schemaVersion\": {CustomerPlan.CurrentSchemaVersion}", $"\"schemaVersion\": {CustomerPlan.CurrentSchemaVersion + 1}"),
            "empty" => "",
            _ => throw new ArgumentException(kind),
        };
        File.WriteAllText(path, corrupt);
        return corrupt;
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Listing_reports_the_bad_file_and_still_returns_the_good_plan(string kind, string detail)
    {
        Corrupt(kind);
        var outcomes = _store.ReadAll().ToList();
        var error = Assert.Single(outcomes, o => !o.Succeeded).Error!;
        Assert.Equal(kind == "future" ? "PlanSchemaTooNew" : "PlanUnreadable", error.ErrorId);
        Assert.Equal(FtErrorKind.InvalidData, error.Kind);
        Assert.Contains(_store.Workspace.PlanPath(Bad), error.Message);
        Assert.Contains(detail, error.Message);
        Assert.Equal("Good Co", Assert.Single(outcomes, o => o.Succeeded).Value!.Customer);
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Changes_to_an_unreadable_plan_are_refused_and_the_file_is_left_untouched(string kind, string _)
    {
        var corrupt = Corrupt(kind);
        Assert.Throws<FtException>(() => _store.Update(Bad, null, true, p => p.Phase = PlanPhase.Closed));
        Assert.Throws<FtException>(() => _store.Create(CustomerPlan.New(PlaybookCatalog.Default, Bad, "Bad Co", DateTimeOffset.Now)));
        Assert.Throws<FtException>(() => _store.Remove(Bad, null, true));
        Assert.Equal(corrupt, File.ReadAllText(_store.Workspace.PlanPath(Bad)));
    }

    [Fact]
    public void A_syntax_error_names_line_and_position()
    {
        Corrupt("invalid");
        var error = _store.TryRead(Bad)!.Value.Error!;
        Assert.Matches(@"\(line 3, position \d+\)", error.Message);
        Assert.Contains(".bak", error.Message);
    }

    [Fact]
    public void An_older_schema_is_migrated_on_read()
    {
        var path = _store.Workspace.PlanPath(Bad);
        var v0 = File.ReadAllText(path).Replace($"\"schemaVersion\": {CustomerPlan.CurrentSchemaVersion}", "\"schemaVersion\": 0").Replace("\"customer\": \"Bad Co\"", "\"name\": \"Bad Co\"");
        var migration = new PlanMigration(0, doc =>
        {
            doc["customer"] = doc["name"];
            doc.Remove("name");
        });
        var plan = PlanSerializer.Deserialize(v0, path, new[] { migration });
        Assert.Equal("Bad Co", plan.Customer);
        Assert.Equal(1, plan.SchemaVersion);
    }
}
