using System.Diagnostics;
using System.Reflection;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Tests.Plans;

/// <summary>The plan store across real processes: killed writers and concurrent writers.</summary>
public sealed class PlanProcessTests : IDisposable
{
    private static readonly Guid Tenant = Guid.Parse("a3c1e5f7-1b2d-4c6e-8a9b-0c1d2e3f4a5b");
    private static readonly string Worker = typeof(PlanProcessTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PlanWorker").Value!;

    private readonly TempDirectory _dir = new();
    private readonly PlanStore _store;

    public PlanProcessTests()
    {
        _store = new PlanStore(new Workspace(_dir.Path), PlaybookCatalog.Default);
        _store.Create(CustomerPlan.New(PlaybookCatalog.Default, Tenant, "Contoso r1", DateTimeOffset.Now));
    }

    public void Dispose() => _dir.Dispose();

    private Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Worker);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }

    [Fact]
    public void Four_processes_adding_fifty_blockers_each_leave_exactly_two_hundred()
    {
        var workers = Enumerable.Range(1, 4)
            .Select(i => Start("add-blockers", _dir.Path, Tenant.ToString(), "50", $"worker{i}"))
            .ToList();
        foreach (var worker in workers)
        {
            Assert.True(worker.WaitForExit(120_000), "a worker did not finish");
            Assert.True(worker.ExitCode == 0, worker.StandardError.ReadToEnd());
        }
        var plan = _store.Read(Tenant);
        Assert.Equal(200, plan.Blockers.Count);
        Assert.Equal(Enumerable.Range(1, 200), plan.Blockers.Select(b => b.Id).OrderBy(i => i));
        Assert.All(Enumerable.Range(1, 4), i => Assert.Equal(50, plan.Blockers.Count(b => b.Owner == $"worker{i}")));
        Assert.Equal(201, plan.Revision);
    }

    [Fact]
    public void A_writer_killed_at_random_moments_two_hundred_times_never_leaves_a_torn_plan()
    {
        var random = new Random(20261124);
        long lastRevision = 1;
        var kills = 0;
        for (var i = 0; i < 200; i++)
        {
            using var writer = Start("save-loop", _dir.Path, Tenant.ToString());
            Assert.Equal("saving", writer.StandardOutput.ReadLine());
            Thread.Sleep(random.Next(0, 40));
            writer.Kill(); // SIGKILL on Unix: no finally blocks, no flush
            writer.WaitForExit();
            kills++;

            var plan = _store.Read(Tenant); // parses, or this throws PlanUnreadable
            Assert.Equal($"Contoso r{plan.Revision}", plan.Customer);
            Assert.All(plan.Training, t => Assert.StartsWith($"r{plan.Revision} ", t.Audience));
            Assert.True(plan.Revision >= lastRevision, $"revision went back from {lastRevision} to {plan.Revision}");
            lastRevision = plan.Revision;
            var backup = _store.Workspace.PlanPath(Tenant) + ".bak";
            if (File.Exists(backup)) PlanSerializer.Deserialize(File.ReadAllText(backup), backup);
        }
        Assert.Equal(200, kills);
        Assert.True(lastRevision > 1, "the writer never saved: the test exercised nothing");
    }
}
