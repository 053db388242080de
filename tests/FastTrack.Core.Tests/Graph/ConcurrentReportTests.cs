using TenantPortfolio = FastTrack.GraphEmulator.Portfolio;
using Azure.Core;
using FastTrack.Core.Connections;
using FastTrack.Core.Graph;
using FastTrack.Core.Sample;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;
using FastTrack.GraphEmulator;

namespace FastTrack.Core.Tests.Graph;

/// <summary>Issue 18: a tenant's reports asked for at once, by one measurement or several, through one
/// connection: each downloaded once, no more at once than allowed, one fresh token for all when it expired.</summary>
public sealed class ConcurrentReportTests : IDisposable
{
    // The CSV downloads (302 to the download host); the JSON pages of the Copilot report are CopilotGraphTests'.
    private static readonly ReportKind[] Kinds = Enum.GetValues<ReportKind>().Where(k => !ReportDefinition.For(k).IsJson).ToArray();
    private readonly EmulatedGraph _graph = new();

    public void Dispose() => _graph.Dispose();

    // Every report opened at the same instant, twice each (two measurements of the tenant), and read whole.
    private Dictionary<(ReportKind Kind, int Reader), byte[]> ReadAllAtOnce(TenantConnection connection)
    {
        var sources = new[] { connection.UsageSource(_graph.Workspace), connection.UsageSource(_graph.Workspace) };
        var asks = Kinds.SelectMany(k => new[] { (Kind: k, Reader: 0), (Kind: k, Reader: 1) }).ToList();
        using var start = new Barrier(asks.Count);
        var read = new System.Collections.Concurrent.ConcurrentDictionary<(ReportKind, int), byte[]>();
        var failed = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = asks.Select(ask => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                using var content = sources[ask.Reader].OpenReport(ask.Kind, null)!;
                read[(ask.Kind, ask.Reader)] = EmulatedGraph.ReadToEnd(content);
            }
            catch (Exception ex) { failed.Enqueue(ex); }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(failed);
        return new Dictionary<(ReportKind, int), byte[]>(read);
    }

    [Fact]
    public void Reports_asked_for_at_once_are_each_downloaded_once_read_whole_and_never_more_than_allowed_at_once()
    {
        using var connection = _graph.Connect(_graph.Options(inFlight: 3));
        var read = ReadAllAtOnce(connection);

        Assert.Equal(Kinds.Length * 2, read.Count);
        foreach (var kind in Kinds)
        {
            Assert.Equal(_graph.Served(kind), read[(kind, 0)]);
            Assert.Equal(_graph.Served(kind), read[(kind, 1)]);
            Assert.Equal(1, _graph.Downloads(kind));
            Assert.Equal(_graph.Served(kind), File.ReadAllBytes(Assert.Single(_graph.CacheFiles(kind))));
        }
        Assert.InRange(_graph.Emulator.PeakDownloadsInFlight, 1, 3);
        Assert.Empty(Directory.GetFiles(_graph.CacheFolder, "*.tmp-*"));
    }

    [Fact]
    public void Calls_refused_at_once_for_an_expired_token_share_one_fresh_token()
    {
        var credential = new CountingCredential("expired-token", "fresh-token");
        _graph.Emulator.AcceptedTokens.Add("expired-token");
        var request = new ConnectionRequest { Method = ConnectionMethod.ClientSecret, GraphEndpoint = _graph.Emulator.BaseAddress };
        using var connection = TenantConnector.Connect(request, _graph.Options(inFlight: 9), credential, CancellationToken.None);
        _graph.Emulator.AcceptedTokens.Remove("expired-token");
        _graph.Emulator.AcceptedTokens.Add("fresh-token");

        var read = ReadAllAtOnce(connection);
        Assert.All(Kinds, k => Assert.Equal(_graph.Served(k), read[(k, 0)]));
        Assert.Equal(2, credential.Calls);
    }

    [Fact]
    public void One_emulator_serves_a_portfolio_each_tenant_to_its_own_token()
    {
        for (var i = 1; i <= 3; i++) _graph.Emulator.AddTenant(new SampleTenant(TenantPortfolio.Tenant(i, 50, EmulatedGraph.LastDay)), TenantPortfolio.Token("p", i));
        using var second = _graph.Connect(token: TenantPortfolio.Token("p", 2));

        Assert.Equal(TenantPortfolio.TenantId(2), second.TenantId);
        Assert.Equal("portfolio0002.example.com", second.DefaultDomain);
        using var content = second.UsageSource(_graph.Workspace).OpenReport(ReportKind.TeamsUserActivityUserDetail, null)!;
        Assert.Equal(_graph.Served(ReportKind.TeamsUserActivityUserDetail, TenantPortfolio.TenantId(2)), EmulatedGraph.ReadToEnd(content));
    }

    /// <summary>Stands in for Entra ID: hands out the given tokens in turn, counting the calls.</summary>
    private sealed class CountingCredential(params string[] tokens) : TokenCredential
    {
        public int Calls;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(tokens[Math.Min(Interlocked.Increment(ref Calls) - 1, tokens.Length - 1)], DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
