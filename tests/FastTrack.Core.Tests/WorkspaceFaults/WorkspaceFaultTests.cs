using System.Diagnostics;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Tests.WorkspaceFaults;

/// <summary>Issue 15: a workspace that is not there, cannot be one, or whose disk refuses writes is the
/// module's own error naming the fix, and never a silent empty list or a misleading lock timeout.</summary>
public sealed class WorkspaceFaultTests
{
    private static readonly Guid Tenant = Guid.Parse("6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11");

    [Theory]
    [InlineData("with\0nul", "NUL character")]
    [InlineData(null, "characters long")]
    public void A_path_that_cannot_be_a_workspace_is_refused_by_name(string? root, string said)
    {
        root ??= "/tmp/" + new string('a', 5000);
        var error = Assert.Throws<FtException>(() => new Workspace(root)).Error;
        Assert.Equal("WorkspaceInvalid", error.ErrorId);
        Assert.Contains(said, error.Message);
        Assert.True(error.Message.Length < 400, "the message quotes the start of a long path, not all of it");
    }

    [Fact]
    public void A_file_is_not_a_workspace()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Contains("is a file, not a folder", Assert.Throws<FtException>(() => new Workspace(file)).Error.Message);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void Listing_a_workspace_that_does_not_exist_is_an_error_not_an_empty_list()
    {
        var store = new PlanStore(new Workspace(Path.Combine(Path.GetTempPath(), "no-such-workspace-" + Guid.NewGuid())), PlaybookCatalog.Default);
        var outcome = Assert.Single(store.ReadAll());
        Assert.Equal("WorkspaceNotFound", outcome.Error!.ErrorId);
        Assert.Contains("New-FtCustomerPlan creates a workspace", outcome.Error.Message);
        Assert.Equal("WorkspaceNotFound", Assert.Throws<FtException>(() => store.Read(Tenant)).Error.ErrorId);
        Assert.False(store.Workspace.Exists);   // reading created nothing
    }

    [TmpfsFact]
    public void A_read_only_disk_is_said_at_once_and_not_taken_for_another_writer()
    {
        using var disk = new Tmpfs("size=1m");
        var store = new PlanStore(new Workspace(disk.Path), PlaybookCatalog.Default, lockTimeout: TimeSpan.FromSeconds(5));
        store.Create(CustomerPlan.New(PlaybookCatalog.Default, Tenant, "Contoso", DateTimeOffset.Now));
        var before = File.ReadAllText(store.Workspace.PlanPath(Tenant));
        File.Delete(Path.Combine(store.Workspace.PlansDirectory, Tenant + ".lock"));
        disk.MakeReadOnly();

        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<FtException>(() => store.Update(Tenant, null, false, p => p.Customer = "Contoso Ltd")).Error;
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"waited {clock.Elapsed} as if for another writer");
        Assert.Equal("WorkspaceNotWritable", error.ErrorId);
        Assert.Contains("Read-only file system", error.Message);
        Assert.Equal(before, File.ReadAllText(store.Workspace.PlanPath(Tenant)));
    }

    [TmpfsFact]
    public void A_full_disk_leaves_the_plan_as_it_was_and_says_so()
    {
        using var disk = new Tmpfs("size=64k");
        var store = new PlanStore(new Workspace(disk.Path), PlaybookCatalog.Default);
        store.Create(CustomerPlan.New(PlaybookCatalog.Default, Tenant, "Contoso", DateTimeOffset.Now));
        var before = File.ReadAllText(store.Workspace.PlanPath(Tenant));
        using (var filler = File.Create(Path.Combine(disk.Path, "filler")))
        {
            var block = new byte[4096];
            try { while (true) filler.Write(block); } catch (IOException) { } // until the disk is full
        }

        var error = Assert.Throws<FtException>(() => store.Update(Tenant, null, false, p => p.Blockers.Add(new Blocker { Id = 1, Description = new string('x', 20000), Opened = DateTime.Today }))).Error;
        Assert.Equal("WorkspaceNotWritable", error.ErrorId);
        Assert.Contains("previous version of the plan is intact", error.Message);
        Assert.Equal(before, File.ReadAllText(store.Workspace.PlanPath(Tenant)));
        Assert.Empty(Directory.GetFiles(store.Workspace.PlansDirectory, "*.tmp-*"));
    }
}
