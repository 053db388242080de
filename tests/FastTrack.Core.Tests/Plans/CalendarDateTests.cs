using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Tests.Plans;

/// <summary>Issue 15: calendar dates are stored and read as dates. A blocker opened "today" in UTC+14 once read
/// as two days earlier in UTC−11, because a Get-Date value carried its offset into the file.</summary>
public sealed class CalendarDateTests : IDisposable
{
    private static readonly Guid Tenant = Guid.Parse("6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11");
    private readonly TempDirectory _dir = new();
    private readonly PlanStore _store;

    public CalendarDateTests() => _store = new PlanStore(new Workspace(_dir.Path), PlaybookCatalog.Default);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Dates_are_written_as_dates_and_a_check_in_as_its_wall_clock_time()
    {
        var plan = CustomerPlan.New(PlaybookCatalog.Default, Tenant, "Contoso", DateTimeOffset.Now);
        var kiritimati = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Local);
        plan.Blockers.Add(new Blocker { Id = 1, Description = "Proxy", Opened = kiritimati });
        plan.Service(M365Service.Teams).EnabledOn = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        plan.CheckIns.Add(new CheckIn { Id = 1, Date = new DateTime(2026, 12, 7, 10, 30, 0, DateTimeKind.Local), Services = { M365Service.Teams } });
        _store.Create(plan);
        var text = File.ReadAllText(_store.Workspace.PlanPath(Tenant));
        Assert.Contains("\"opened\": \"2026-11-30\"", text);
        Assert.Contains("\"enabledOn\": \"2026-11-01\"", text);
        Assert.Contains("\"date\": \"2026-12-07T10:30:00\"", text);
        var read = _store.Read(Tenant);
        Assert.Equal(new DateTime(2026, 11, 30), read.Blockers[0].Opened);
        Assert.Equal(DateTimeKind.Unspecified, read.Blockers[0].Opened.Kind);
        Assert.Equal(new DateTime(2026, 12, 7, 10, 30, 0), read.CheckIns[0].Date);
    }

    [Theory]
    [InlineData("2026-11-30T00:00:00+14:00")]   // written by version 1 from Get-Date in UTC+14
    [InlineData("2026-11-30T00:00:00-11:00")]
    [InlineData("2026-11-30T00:00:00Z")]
    [InlineData("2026-11-30T00:00:00")]
    [InlineData("2026-11-30")]
    public void A_date_reads_as_the_day_written_whatever_the_offset_and_the_reader_s_zone(string written)
    {
        _store.Create(CustomerPlan.New(PlaybookCatalog.Default, Tenant, "Contoso", DateTimeOffset.Now));
        var path = _store.Workspace.PlanPath(Tenant);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"blockers\": []", $"\"blockers\": [{{ \"id\": 1, \"description\": \"Proxy\", \"opened\": \"{written}\" }}]"));
        Assert.Equal(new DateTime(2026, 11, 30), _store.Read(Tenant).Blockers.Single().Opened);
    }

    [Fact]
    public void A_date_that_is_not_one_is_refused_with_its_line()
    {
        _store.Create(CustomerPlan.New(PlaybookCatalog.Default, Tenant, "Contoso", DateTimeOffset.Now));
        var path = _store.Workspace.PlanPath(Tenant);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"blockers\": []", "\"blockers\": [{ \"id\": 1, \"description\": \"Proxy\", \"opened\": \"30/11/2026\" }]"));
        var error = _store.TryRead(Tenant)!.Value.Error!;
        Assert.Equal("PlanUnreadable", error.ErrorId);
        Assert.Contains("'30/11/2026' is not a date (yyyy-MM-dd)", error.Message);
        Assert.Matches(@"\(line \d+, position \d+\)", error.Message);
    }
}
