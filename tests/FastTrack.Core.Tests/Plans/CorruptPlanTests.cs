using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;
using FastTrack.Tests.Shared;

namespace FastTrack.Core.Tests.Plans;

/// <summary>A plan document that cannot be read is reported with its path (or URL) and the place of the fault, is
/// never overwritten, and the other plans are still listed: in a folder and in a blob container alike.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CorruptPlanTests : IDisposable
{
    private static readonly Guid Good = Guid.Parse("11111111-2222-3333-4444-555555555555");
    private static readonly Guid Bad = Guid.Parse("99999999-8888-7777-6666-555555555555");
    private readonly AzuriteFixture _azurite;
    private TestWorkspace? _ws;
    private PlanStore _store = null!;

    public CorruptPlanTests(AzuriteFixture azurite) => _azurite = azurite;

    private void Open(string kind)
    {
        _ws = new TestWorkspace(kind, _azurite);
        _store = new PlanStore(_ws.Workspace, PlaybookCatalog.Default);
        _store.Create(CustomerPlan.New(PlaybookCatalog.Default, Good, "Good Co", DateTimeOffset.Now));
        _store.Create(CustomerPlan.New(PlaybookCatalog.Default, Bad, "Bad Co", DateTimeOffset.Now));
    }

    public void Dispose() => _ws?.Dispose();

    public static TheoryData<string, string, string> Corruptions
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var kind in TestWorkspace.KindNames)
            {
                data.Add(kind, "truncated", "");
                data.Add(kind, "invalid", "line 3");
                data.Add(kind, "future", $"schema version {CustomerPlan.CurrentSchemaVersion + 1}");
                data.Add(kind, "empty", "empty");
            }
            return data;
        }
    }

    private string Corrupt(string kind)
    {
        var text = _ws!.Text(TestWorkspace.PlanName(Bad))!;
        var corrupt = kind switch
        {
            "truncated" => text.Substring(0, text.Length / 2),
            "invalid" => text.Replace("\"revision\": 1,", "\"revision\": 1,,"),
            "future" => text.Replace($"\"schemaVersion\": {CustomerPlan.CurrentSchemaVersion}", $"\"schemaVersion\": {CustomerPlan.CurrentSchemaVersion + 1}"),
            "empty" => "",
            _ => throw new ArgumentException(kind),
        };
        _ws.Write(TestWorkspace.PlanName(Bad), corrupt);
        return corrupt;
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Listing_reports_the_bad_file_and_still_returns_the_good_plan(string store, string kind, string detail)
    {
        Open(store);
        Corrupt(kind);
        var outcomes = _store.ReadAll().ToList();
        var error = Assert.Single(outcomes, o => !o.Succeeded).Error!;
        Assert.Equal(kind == "future" ? "PlanSchemaTooNew" : "PlanUnreadable", error.ErrorId);
        Assert.Equal(FtErrorKind.InvalidData, error.Kind);
        Assert.Contains(_store.Storage.PlanLocation(Bad), error.Message);
        Assert.Contains(detail, error.Message);
        Assert.Equal("Good Co", Assert.Single(outcomes, o => o.Succeeded).Value!.Customer);
    }

    [Theory]
    [MemberData(nameof(Corruptions))]
    public void Changes_to_an_unreadable_plan_are_refused_and_the_file_is_left_untouched(string store, string kind, string _)
    {
        Open(store);
        var corrupt = Corrupt(kind);
        Assert.Throws<FtException>(() => _store.Update(Bad, null, true, p => p.Phase = PlanPhase.Closed));
        Assert.Throws<FtException>(() => _store.Create(CustomerPlan.New(PlaybookCatalog.Default, Bad, "Bad Co", DateTimeOffset.Now)));
        Assert.Throws<FtException>(() => _store.Remove(Bad, null, true));
        Assert.Equal(corrupt, _ws!.Text(TestWorkspace.PlanName(Bad)));
        Assert.Null(_ws.Text(TestWorkspace.PlanName(Bad) + ".bak"));
    }

    [Fact]
    public void A_syntax_error_names_line_and_position()
    {
        Open(TestWorkspace.Folder);
        Corrupt("invalid");
        var error = _store.TryRead(Bad)!.Value.Error!;
        Assert.Matches(@"\(line 3, position \d+\)", error.Message);
        Assert.Contains(".bak", error.Message);
    }

    [Fact]
    public void An_older_schema_is_migrated_on_read()
    {
        Open(TestWorkspace.Folder);
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
