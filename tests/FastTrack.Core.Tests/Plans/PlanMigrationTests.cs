using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Tests.Plans;

/// <summary>Plan files written by the released module (schema 1, TestData/plans-v1) load, migrate on the next
/// save, and keep every value.</summary>
public sealed class PlanMigrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly PlanStore _store;

    public PlanMigrationTests() => _store = new PlanStore(new Workspace(_dir.Path), PlaybookCatalog.Default);

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Files => new() { "contoso.json", "fabrikam.json", "northwind-promoted.json" };

    private (Guid Tenant, JObject Original) Install(string file)
    {
        var text = File.ReadAllText(TestData.Path("plans-v1", file));
        var original = Parse(text);
        var tenant = Guid.Parse((string)original["tenantId"]!);
        Directory.CreateDirectory(Path.GetDirectoryName(_store.Workspace.PlanPath(tenant))!);
        File.WriteAllText(_store.Workspace.PlanPath(tenant), text);
        return (tenant, original);
    }

    // Dates as written: the comparison is of the text in the files.
    private static JObject Parse(string text) =>
        JObject.Load(new Newtonsoft.Json.JsonTextReader(new StringReader(text)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None });

    // Every value of the version-1 file, by path, but those the migration itself rewrites.
    private static IEnumerable<JValue> Leaves(JToken token) =>
        token is JValue value ? new[] { value } : token.Children().SelectMany(Leaves);

    [Theory]
    [MemberData(nameof(Files))]
    public void A_version_1_file_migrates_on_the_next_save_and_keeps_every_value(string file)
    {
        var (tenant, original) = Install(file);
        Assert.Equal(1, (int)original["schemaVersion"]!);
        var read = _store.Read(tenant);
        Assert.Equal(CustomerPlan.CurrentSchemaVersion, read.SchemaVersion);
        Assert.Equal(1, (int)JObject.Parse(File.ReadAllText(_store.Workspace.PlanPath(tenant)))["schemaVersion"]!);   // reading writes nothing

        _store.Update(tenant, null, false, p => p.TargetDate ??= null);
        var saved = Parse(File.ReadAllText(_store.Workspace.PlanPath(tenant)));
        Assert.Equal(CustomerPlan.CurrentSchemaVersion, (int)saved["schemaVersion"]!);
        foreach (var leaf in Leaves(original))
        {
            if (leaf.Path is "schemaVersion" or "revision" or "modified" or "modifiedBy" || leaf.Path.EndsWith(".held", StringComparison.Ordinal)) continue;
            var migrated = saved.SelectToken(leaf.Path);
            Assert.True(migrated is JValue v && (JToken.DeepEquals(v, leaf) || SameCalendarDate(leaf, v)), $"{file}: {leaf.Path} was {leaf}, now {migrated?.ToString() ?? "missing"}");
        }
    }

    // Version 1 wrote calendar dates as midnight date-times; version 2 writes the date alone.
    // (with an offset when the value came from Get-Date: the source of the time-zone drift).
    private static bool SameCalendarDate(JValue was, JValue now) =>
        was.Type == JTokenType.String && System.Text.RegularExpressions.Regex.IsMatch((string)was!, @"^\d{4}-\d{2}-\d{2}T00:00:00(Z|[+-]\d{2}:\d{2})?$")
        && (string)now! == ((string)was!).Substring(0, 10);

    [Fact]
    public void Tasks_get_their_service_check_ins_a_status_and_an_id_and_metrics_a_direction()
    {
        var (tenant, original) = Install("contoso.json");
        var plan = _store.Read(tenant);
        Assert.Equal(M365Service.Microsoft365Apps, plan.Tasks.Single(t => t.TaskId == 3650).Service);
        Assert.Equal(TaskState.InProgress, plan.FindTask(3650, M365Service.Microsoft365Apps)!.Status);
        Assert.Equal(M365Service.OutlookMobile, plan.Tasks.Single(t => t.TaskId == 3733).Service);
        Assert.Equal("Handed to Avery", plan.FindTask(3731, M365Service.Teams)!.Note);
        var checkIns = original["checkIns"]!.Count();
        Assert.Equal(Enumerable.Range(1, checkIns), plan.CheckIns.Select(c => c.Id));
        Assert.All(plan.CheckIns, c => Assert.Equal(CheckInStatus.Planned, c.Status));   // "held": false
        Assert.All(plan.SuccessMetrics, m => Assert.Equal(MetricDirection.HigherIsBetter, m.Direction));
        Assert.Empty(plan.Tracking);
    }

    [Fact]
    public void A_held_check_in_of_version_1_stays_held()
    {
        var (tenant, original) = Install("contoso.json");
        original["checkIns"]![0]!["held"] = true;
        File.WriteAllText(_store.Workspace.PlanPath(tenant), original.ToString());
        Assert.Equal(CheckInStatus.Held, _store.Read(tenant).CheckIns[0].Status);
    }
}
