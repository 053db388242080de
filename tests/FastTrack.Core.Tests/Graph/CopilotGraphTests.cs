using System.Security;
using FastTrack.Core.Errors;
using FastTrack.Core.Graph;
using FastTrack.Core.Playbook;
using FastTrack.Core.Sample;
using FastTrack.Core.Usage;
using FastTrack.Core.Workspaces;
using FastTrack.GraphEmulator;

namespace FastTrack.Core.Tests.Graph;

/// <summary>Issue 20: the Microsoft 365 Copilot usage report through the real Graph client and the loopback emulator:
/// GET /v1.0/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='D30')?$format=application/json, JSON pages
/// followed by @odata.nextLink, cached as the pages one after another, the bearer token only ever sent to Graph.</summary>
public sealed class CopilotGraphTests : IDisposable
{
    private static readonly DateTime LastDay = new(2026, 11, 22);
    private const string Function = "getMicrosoft365CopilotUsageUserDetail";
    private readonly EmulatedGraph _graph = new(new SampleTenant(new SampleTenantOptions { LastDay = LastDay, Users = 400, CopilotPageSize = 15 }));

    public void Dispose() => _graph.Dispose();

    private Dictionary<M365Service, Outcome<ActiveUsage>> Measure(TenantConnection connection, DateTime? asOf = null, params M365Service[] services) =>
        new ActiveUsageCalculator().Measure(connection.UsageSource(_graph.Workspace), services, _ => new UsageGoal(10, null, UsageBasis.PaidUnits), asOf)
            .Zip(services).ToDictionary(p => p.Second, p => p.First);

    private IEnumerable<RecordedRequest> CopilotCalls => _graph.Emulator.Requests.Where(r => r.PathAndQuery.Contains(Function, StringComparison.Ordinal));

    [Fact]
    public void Every_page_is_followed_and_the_numbers_equal_the_sample_tenants_own()
    {
        using var connection = _graph.Connect();
        var live = Measure(connection, null, M365Service.Microsoft365Copilot)[M365Service.Microsoft365Copilot];
        var usage = live.Value ?? throw live.Error!.ToException();
        var offline = new ActiveUsageCalculator().Measure(new SampleUsageSource(_graph.Emulator.Tenant), new[] { M365Service.Microsoft365Copilot },
            _ => new UsageGoal(10, null, UsageBasis.PaidUnits)).Single().Value!;
        Assert.Equal(40, usage.Denominator);                               // 400 users, one in ten with a Copilot licence
        Assert.Equal(offline.ActiveUsers, usage.ActiveUsers);
        Assert.Equal(offline.Apps.ToString(), usage.Apps.ToString());
        Assert.Equal(LastDay, usage.AsOf);
        Assert.Equal(Function, usage.Report);

        var calls = CopilotCalls.ToList();
        Assert.Equal(3, calls.Count);                                      // 40 users in pages of 15
        Assert.Contains("/v1.0/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period=", calls[0].PathAndQuery);
        Assert.Contains("D30", calls[0].PathAndQuery);
        Assert.Contains("$format=application/json", Uri.UnescapeDataString(calls[0].PathAndQuery));
        Assert.Contains(calls, c => Uri.UnescapeDataString(c.PathAndQuery).EndsWith("$skiptoken=3", StringComparison.Ordinal));
        Assert.All(calls, c => Assert.Equal("Bearer " + EmulatedGraph.Token, c.Authorization));
        Assert.All(calls, c => Assert.Equal(200, c.Status));
    }

    [Fact]
    public void The_pages_are_cached_one_after_another_and_read_from_there_after_today_and_for_the_same_refresh_date()
    {
        using var connection = _graph.Connect();
        var first = Measure(connection, null, M365Service.Microsoft365Copilot)[M365Service.Microsoft365Copilot].Value!;
        var cached = Assert.Single(_graph.CacheFiles(UsageReports.ReportKind.Microsoft365CopilotUsageUserDetail));
        Assert.EndsWith(".json", cached);
        Assert.Equal(3, File.ReadAllLines(cached).Count(l => l.StartsWith('{')));
        var calls = CopilotCalls.Count();
        var again = Measure(connection, null, M365Service.Microsoft365Copilot)[M365Service.Microsoft365Copilot].Value!;
        var past = Measure(connection, LastDay, M365Service.Microsoft365Copilot)[M365Service.Microsoft365Copilot].Value!;
        Assert.Equal(calls, CopilotCalls.Count());
        Assert.Equal(first.ActiveUsers, again.ActiveUsers);
        Assert.Equal(first.ActiveUsers, past.ActiveUsers);
    }

    [Fact]
    public void A_refused_Copilot_report_fails_Copilot_alone_and_names_the_permission()
    {
        _graph.Emulator.Faults.Add(Function, new StatusFault(403));
        using var connection = _graph.Connect();
        var results = Measure(connection, null, M365Service.Teams, M365Service.Microsoft365Copilot);
        Assert.True(results[M365Service.Teams].Succeeded);
        var error = results[M365Service.Microsoft365Copilot].Error!;
        Assert.Equal("GraphForbidden", error.ErrorId);
        Assert.Contains("Reports.Read.All", error.Message);
        Assert.Empty(_graph.CacheFiles(UsageReports.ReportKind.Microsoft365CopilotUsageUserDetail));
    }

    [Fact]
    public void A_throttled_page_is_retried_and_the_report_completes()
    {
        _graph.Emulator.Faults.Add("getMicrosoft365CopilotUsageUserDetail", new StatusFault(429, RetryAfterSeconds: 1));
        using var connection = _graph.Connect();
        Assert.True(Measure(connection, null, M365Service.Microsoft365Copilot)[M365Service.Microsoft365Copilot].Succeeded);
        Assert.Contains(_graph.Waits, w => w == TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_next_link_to_another_host_is_never_followed_and_nothing_is_cached()
    {
        _graph.Emulator.CopilotLinkBase = new Uri(_graph.Emulator.DownloadAddress.ToString().Replace("localhost", "127.0.0.2"));
        using var connection = _graph.Connect();
        var error = Measure(connection, null, M365Service.Microsoft365Copilot)[M365Service.Microsoft365Copilot].Error!;
        Assert.Equal("GraphNextLinkForeign", error.ErrorId);
        Assert.Contains("127.0.0.2", error.Message);
        Assert.Single(CopilotCalls);
        Assert.Empty(_graph.CacheFiles(UsageReports.ReportKind.Microsoft365CopilotUsageUserDetail));
    }
}
