using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Text;
using Newtonsoft.Json;

namespace FastTrack.Core.Tests;

/// <summary>Issue 17: Export-Csv writes a property as its value's ToString(). A JoinedList reads as its items, and
/// stays a list of them for PowerShell and for JSON.</summary>
public sealed class JoinedListTests
{
    [Fact]
    public void Reads_as_its_items_joined_with_a_comma()
    {
        Assert.Equal("Teams, OneDrive", JoinedList.Of(M365Service.Teams, M365Service.OneDrive).ToString());
        Assert.Equal("3731, 3732", new[] { 3731, 3732 }.ToJoinedList().ToString());
        Assert.Equal("", new JoinedList<string>().ToString());
    }

    [Fact]
    public void Reads_each_item_by_its_own_text()
    {
        var blockers = JoinedList.Of(new Blocker { Id = 3, Description = "Proxy blocks Teams" }, new Blocker { Id = 4, Description = "No champions" });
        Assert.Equal("#3 Proxy blocks Teams, #4 No champions", blockers.ToString());
    }

    [Fact]
    public void Stays_a_list_of_its_items()
    {
        var services = JoinedList.Of(M365Service.Teams, M365Service.OneDrive);
        IList<M365Service> list = services;
        Assert.Equal(M365Service.OneDrive, list[1]);
        Assert.Contains(M365Service.Teams, list);
        services.Add(M365Service.Yammer);
        Assert.Equal(new[] { M365Service.Teams, M365Service.OneDrive, M365Service.Yammer }, services.ToArray());
    }

    [Fact]
    public void JSON_writes_it_as_an_array_and_reads_it_back_as_a_JoinedList()
    {
        var json = JsonConvert.SerializeObject(new TrackingEvidence { Services = JoinedList.Of(M365Service.Teams, M365Service.OneDrive) });
        Assert.Contains("\"Services\":[0,3]", json);
        var read = JsonConvert.DeserializeObject<TrackingEvidence>(json)!;
        Assert.IsType<JoinedList<M365Service>>(read.Services);
        Assert.Equal("Teams, OneDrive", read.Services.ToString());
    }
}
