using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;
using FastTrack.Tests.Shared;

namespace FastTrack.Core.Tests.Plans;

/// <summary>The store's guarantees, each against both kinds of workspace (a folder, and a container in Azurite)
/// where the guarantee is the same; the folder's own mechanics (file modes, its lock, temporary files) after.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PlanStoreTests : IDisposable
{
    private static readonly Guid Contoso = Guid.Parse("6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11");
    private static readonly Guid Fabrikam = Guid.Parse("0b7e3c1d-5a2f-4e8b-8c6d-1f2a3b4c5d6e");
    private readonly AzuriteFixture _azurite;
    private TestWorkspace _ws = null!;
    private PlanStore _store = null!;

    public PlanStoreTests(AzuriteFixture azurite)
    {
        _azurite = azurite;
        Open(TestWorkspace.Folder);
    }

    public static TheoryData<string> Kinds => TestWorkspace.Kinds;

    private void Open(string kind)
    {
        _ws?.Dispose();
        _ws = new TestWorkspace(kind, _azurite);
        _store = new PlanStore(_ws.Workspace, PlaybookCatalog.Default, TimeSpan.FromMilliseconds(300));
    }

    public void Dispose() => _ws.Dispose();

    private string? PlanText(Guid tenant) => _ws.Text(TestWorkspace.PlanName(tenant));

    private CustomerPlan NewPlan(Guid tenant, string customer)
    {
        var plan = CustomerPlan.New(PlaybookCatalog.Default, tenant, customer, DateTimeOffset.Now);
        plan.PrimaryDomain = customer.ToLowerInvariant() + ".com";
        return _store.Create(plan)!;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_new_plan_has_every_service_and_task_and_round_trips_through_its_file(string kind)
    {
        Open(kind);
        var created = NewPlan(Contoso, "Contoso");
        Assert.Equal(1, created.Revision);
        var read = _store.Read(Contoso);
        Assert.Equal("Contoso", read.Customer);
        Assert.Equal(8, read.Services.Count);                      // the seven of the page and Microsoft 365 Copilot
        Assert.All(read.Services, s => Assert.Equal(10, s.TargetAU));
        Assert.Equal(new[] { 3731, 3732, 3733, 3740, 3741, 3743, 3650 }, read.Tasks.Select(t => t.TaskId));
        var text = PlanText(Contoso)!;
        Assert.Contains($"\"schemaVersion\": {CustomerPlan.CurrentSchemaVersion}", text);
        Assert.Contains("\"phase\": \"SuccessExecution\"", text);  // enums by name: readable
        Assert.DoesNotContain("openBlockers", text);               // derived values are not stored
    }

    [Fact]
    public void The_file_is_named_from_the_tenant_id_and_readable_by_its_owner_only()
    {
        NewPlan(Contoso, "../../etc/Contoso");
        var path = Path.Combine(_ws.Workspace.Root, "plans", Contoso.ToString("D") + ".json");
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_update_moves_the_revision_and_keeps_the_previous_version_as_backup(string kind)
    {
        Open(kind);
        NewPlan(Contoso, "Contoso");
        var updated = _store.Update(Contoso, 1, false, p => p.Phase = PlanPhase.SuccessReview)!;
        Assert.Equal(2, updated.Revision);
        var backup = PlanSerializer.Deserialize(_ws.Text(TestWorkspace.PlanName(Contoso) + ".bak")!, "bak");
        Assert.Equal(1, backup.Revision);
        Assert.Equal(PlanPhase.SuccessExecution, backup.Phase);
        Assert.Equal(new[] { TestWorkspace.PlanName(Contoso), TestWorkspace.PlanName(Contoso) + ".bak" },
            _ws.Names("plans/").Where(n => !n.EndsWith(".lock", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_change_based_on_an_older_revision_is_refused_unless_forced(string kind)
    {
        Open(kind);
        NewPlan(Contoso, "Contoso");
        _store.Update(Contoso, 1, false, p => p.Customer = "Contoso Ltd");
        var ex = Assert.Throws<FtException>(() => _store.Update(Contoso, 1, false, p => p.Phase = PlanPhase.Closed));
        Assert.Equal("PlanChanged", ex.Error.ErrorId);
        Assert.Contains("revision 2", ex.Message);
        Assert.Equal(PlanPhase.SuccessExecution, _store.Read(Contoso).Phase);
        var forced = _store.Update(Contoso, 1, true, p => p.Phase = PlanPhase.Closed)!;
        Assert.Equal(3, forced.Revision);
        Assert.Equal("Contoso Ltd", forced.Customer); // applied to the latest revision
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Declining_the_confirmation_writes_nothing(string kind)
    {
        Open(kind);
        NewPlan(Contoso, "Contoso");
        var before = PlanText(Contoso);
        Assert.Null(_store.Update(Contoso, null, false, p => p.Phase = PlanPhase.Closed, confirm: _ => false));
        Assert.Equal(before, PlanText(Contoso));
        Assert.Null(_store.Create(CustomerPlan.New(PlaybookCatalog.Default, Fabrikam, "Fabrikam", DateTimeOffset.Now), _ => false));
        Assert.Null(PlanText(Fabrikam));
    }

    public static TheoryData<string, double> KindsAndTargets
    {
        get
        {
            var data = new TheoryData<string, double>();
            foreach (var kind in TestWorkspace.KindNames)
            {
                data.Add(kind, -1);
                data.Add(kind, 100.5);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndTargets))]
    public void Invalid_values_are_refused_and_nothing_is_written(string kind, double target)
    {
        Open(kind);
        const string errorId = "TargetOutOfRange";
        NewPlan(Contoso, "Contoso");
        var before = PlanText(Contoso);
        var ex = Assert.Throws<FtException>(() => _store.Update(Contoso, null, false, p => p.Service(M365Service.Teams).TargetAU = target));
        Assert.Equal(errorId, ex.Error.ErrorId);
        Assert.Equal(FtErrorKind.InvalidArgument, ex.Error.Kind);
        Assert.Contains("Teams", ex.Message);
        Assert.Equal(before, PlanText(Contoso));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Dates_in_the_wrong_order_are_refused(string kind)
    {
        Open(kind);
        NewPlan(Contoso, "Contoso");
        var ex = Assert.Throws<FtException>(() => _store.Update(Contoso, null, false, p =>
        {
            p.Service(M365Service.Teams).EnabledOn = new DateTime(2026, 3, 1);
            p.Service(M365Service.Teams).CommunicatedOn = new DateTime(2026, 2, 1);
        }));
        Assert.Equal("DatesOutOfOrder", ex.Error.ErrorId);
        _store.Update(Contoso, null, false, PlanChanges.AddBlocker(null, "Proxy blocks Teams media", null, null, new DateTime(2026, 5, 1)));
        var resolve = Assert.Throws<FtException>(() => _store.Update(Contoso, null, false, PlanChanges.ResolveBlocker(1, "fixed", new DateTime(2026, 4, 1))));
        Assert.Equal("DatesOutOfOrder", resolve.Error.ErrorId);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Creating_a_second_plan_for_a_tenant_is_refused(string kind)
    {
        Open(kind);
        NewPlan(Contoso, "Contoso");
        var ex = Assert.Throws<FtException>(() => NewPlan(Contoso, "Contoso again"));
        Assert.Equal("PlanExists", ex.Error.ErrorId);
        Assert.Equal("Contoso", _store.Read(Contoso).Customer);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Removing_archives_the_file(string kind)
    {
        Open(kind);
        NewPlan(Contoso, "Contoso");
        Assert.True(_store.Remove(Contoso, null, false));
        Assert.Null(_store.TryRead(Contoso));
        var archived = Assert.Single(_ws.Names("plans/removed/"));
        Assert.StartsWith($"plans/removed/{Contoso:D}.", archived);
        Assert.Equal("Contoso", PlanSerializer.Deserialize(_ws.Text(archived)!, archived).Customer);
        Assert.Empty(_store.ReadAll());
    }

    [Fact]
    public void A_held_lock_times_out_with_an_error_naming_the_holder()
    {
        NewPlan(Contoso, "Contoso");
        var lockPath = Path.Combine(_ws.Workspace.Root, "plans", Contoso.ToString("D") + ".lock");
        using (FileLock.Acquire(lockPath, TimeSpan.FromSeconds(1), "test"))
        {
            var ex = Assert.Throws<FtException>(() => _store.Update(Contoso, null, false, p => p.Phase = PlanPhase.Closed));
            Assert.Equal("PlanLocked", ex.Error.ErrorId);
            Assert.Equal(FtErrorKind.ResourceBusy, ex.Error.Kind);
            Assert.Contains(Environment.MachineName, ex.Message);
            Assert.Contains($"process {Environment.ProcessId}", ex.Message);
        }
        Assert.Equal(PlanPhase.Closed, _store.Update(Contoso, null, false, p => p.Phase = PlanPhase.Closed)!.Phase);
    }

    [Fact]
    public void Leftover_temporary_files_of_a_killed_writer_are_cleaned_on_the_next_save()
    {
        NewPlan(Contoso, "Contoso");
        var leftover = _store.Workspace.PlanPath(Contoso) + ".tmp-deadbeef0000";
        File.WriteAllText(leftover, "{ \"half\": ");
        _store.Update(Contoso, null, false, p => p.Phase = PlanPhase.Closed);
        Assert.False(File.Exists(leftover));
    }
}
