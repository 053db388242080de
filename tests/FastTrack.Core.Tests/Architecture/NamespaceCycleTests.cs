using FastTrack.Core.Playbook;

namespace FastTrack.Core.Tests.Architecture;

/// <summary>Issue 16: the core's namespaces form no cycle, so each area can be read (and changed) knowing only
/// the ones below it: UsageReports and Licensing under Usage, Usage under Plans and the sources (Sample,
/// Graph), those under Measurement, then Rules, Workflow and the adoption report.</summary>
public sealed class NamespaceCycleTests
{
    [Fact]
    public void The_core_s_namespaces_form_no_cycle()
    {
        var graph = NamespaceGraph.Of(typeof(PlaybookCatalog).Assembly, "FastTrack.Core");
        Assert.True(graph.Count > 10, "the walk found the core's namespaces");
        var cycle = NamespaceGraph.FindCycle(graph);
        Assert.True(cycle is null, "cycle: " + string.Join(" -> ", cycle ?? Array.Empty<string>()));
    }

    [Fact]
    public void The_walk_sees_a_use_from_a_method_body_alone()
    {
        // FolderUsageSource news up FtError only inside its methods: the IL walk must see it.
        var graph = NamespaceGraph.Of(typeof(PlaybookCatalog).Assembly, "FastTrack.Core");
        Assert.Contains("FastTrack.Core.Errors", graph["FastTrack.Core.Usage"]);
        Assert.Null(NamespaceGraph.FindCycle(new() { ["a"] = new() { "b" }, ["b"] = new() { "c" } }));
        Assert.Equal(new[] { "a", "b", "a" }, NamespaceGraph.FindCycle(new() { ["a"] = new() { "b" }, ["b"] = new() { "a" } }));
    }

    [Fact]
    public void Lower_areas_know_nothing_of_higher_ones()
    {
        var graph = NamespaceGraph.Of(typeof(PlaybookCatalog).Assembly, "FastTrack.Core");
        string[] higher = { "FastTrack.Core.Plans", "FastTrack.Core.Graph", "FastTrack.Core.Sample", "FastTrack.Core.Measurement", "FastTrack.Core.Rules", "FastTrack.Core.Workflow", "FastTrack.Core.AdoptionReports" };
        foreach (var lower in new[] { "FastTrack.Core.Usage", "FastTrack.Core.UsageReports", "FastTrack.Core.Licensing", "FastTrack.Core.Playbook", "FastTrack.Core.Errors" })
            Assert.Empty(graph.GetValueOrDefault(lower, new()).Intersect(higher));
    }
}
