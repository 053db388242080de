using System.Security;
using Azure.Core;
using FastTrack.Core.Connections;
using FastTrack.Core.Errors;
using FastTrack.Core.Graph;
using FastTrack.Core.Playbook;
using FastTrack.Core.Sample;
using FastTrack.Core.Usage;
using FastTrack.Core.Workspaces;
using FastTrack.GraphEmulator;

namespace FastTrack.Core.Tests.Graph;

/// <summary>The real Microsoft Graph client (Microsoft.Graph 6.10.0, Kiota handlers) against the loopback
/// emulator: reports through the 302 download, subscriptions, the cache, throttling, faults and secrets.</summary>
public sealed class GraphSourceTests : IDisposable
{
    private const string Token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJzZWNyZXQiOiJ0b2tlbiJ9.c2lnbmF0dXJlLXNlY3JldA";
    private static readonly DateTime LastDay = new(2026, 11, 22);
    private static readonly M365Service[] All = Enum.GetValues<M365Service>();
    private readonly GraphEmulator.GraphEmulator _graph = new(new SampleTenant(new SampleTenantOptions { LastDay = LastDay, Users = 400 }));
    private readonly TempDirectory _dir = new();
    private readonly List<string> _log = new();
    private readonly List<TimeSpan> _waits = new();

    public GraphSourceTests()
    {
        _graph.AcceptedTokens.Add(Token);
        _graph.Start();
    }

    public void Dispose()
    {
        _graph.Dispose();
        _dir.Dispose();
    }

    private Workspace Workspace => new(_dir.Path);

    private GraphOptions Options(int attempts = 4, TimeSpan? downloadTimeout = null) => new()
    {
        Retry = new RetryPolicy
        {
            MaxAttempts = attempts,
            BaseDelay = TimeSpan.FromMilliseconds(20),
            Delay = (wait, token) => { lock (_waits) _waits.Add(wait); return Task.Delay(TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds, 50)), token); },
        },
        DownloadTimeout = downloadTimeout ?? TimeSpan.FromSeconds(30),
        Log = line => { lock (_log) _log.Add(line); },
    };

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    private TenantConnection Connect(GraphOptions? options = null, string token = Token) =>
        TenantConnector.Connect(new ConnectionRequest { Method = ConnectionMethod.AccessToken, AccessToken = Secure(token), GraphEndpoint = _graph.BaseAddress }, options ?? Options());

    private Dictionary<M365Service, Outcome<ActiveUsage>> Measure(TenantConnection connection, DateTime? asOf = null, params M365Service[] services) =>
        new ActiveUsageCalculator().Measure(connection.UsageSource(Workspace), services.Length > 0 ? services : All, _ => new UsageGoal(10, null, UsageBasis.PaidUnits), asOf)
            .Zip(services.Length > 0 ? services : All).ToDictionary(p => p.Second, p => p.First);

    [Fact]
    public void Connecting_reads_the_organization_with_the_bearer_token()
    {
        using var connection = Connect();
        Assert.Equal(SampleTenantOptions.ContosoTenantId, connection.TenantId);
        Assert.Equal("Contoso", connection.DisplayName);
        Assert.Equal("contoso.com", connection.DefaultDomain);
        Assert.False(connection.ReportsConcealNames);
        Assert.All(_graph.Requests, r => Assert.Equal("Bearer " + Token, r.Authorization));
    }

    [Fact]
    public void Measured_through_Graph_the_numbers_equal_the_sample_tenants_own()
    {
        using var connection = Connect();
        var live = Measure(connection);
        var offline = new ActiveUsageCalculator().Measure(new SampleUsageSource(_graph.Tenant), All, _ => new UsageGoal(10, null, UsageBasis.PaidUnits))
            .Select(o => o.Value!).ToDictionary(u => u.Service);
        foreach (var service in All)
        {
            var usage = live[service].Value ?? throw live[service].Error!.ToException();
            Assert.Equal(offline[service].ActiveUsers, usage.ActiveUsers);
            Assert.Equal(offline[service].Denominator, usage.Denominator);
            Assert.Equal(LastDay, usage.AsOf);
            Assert.Equal(SampleTenantOptions.ContosoTenantId, usage.TenantId);
        }
        var downloads = _graph.Requests.Where(r => r.PathAndQuery.StartsWith("/download/")).ToList();
        Assert.NotEmpty(downloads);
        Assert.All(downloads, d => Assert.Null(d.Authorization)); // the token never goes to the download host
        Assert.Contains(_graph.Requests, r => r.PathAndQuery.Contains("getTeamsUserActivityUserDetail(period='D30')"));
        Assert.DoesNotContain(_graph.Requests, r => r.Method != "GET");
    }

    [Fact]
    public void A_report_is_downloaded_once_a_day_and_read_from_the_workspace_cache_after()
    {
        using var connection = Connect();
        Measure(connection, null, M365Service.Teams);
        var calls = _graph.Requests.Count(r => r.PathAndQuery.Contains("getTeamsUserActivityUserDetail"));
        Measure(connection, null, M365Service.Teams);
        Assert.Equal(calls, _graph.Requests.Count(r => r.PathAndQuery.Contains("getTeamsUserActivityUserDetail")));
        var cached = Directory.GetFiles(Path.Combine(_dir.Path, "cache", SampleTenantOptions.ContosoTenantId.ToString()));
        Assert.Contains(cached, f => Path.GetFileName(f).StartsWith("getTeamsUserActivityUserDetail.D30-fetched-"));
        Assert.Contains(_log, l => l.Contains("from the workspace cache"));
    }

    [Fact]
    public void A_past_day_is_measured_only_from_a_28_day_report_of_that_day_never_with_date()
    {
        using var connection = Connect();
        // No 28-day figure for ten days ago: refused, and Graph is not asked for that one day's activity.
        var error = Assert.Throws<FtException>(() => Measure(connection, LastDay.AddDays(-10), M365Service.Teams)).Error;
        Assert.Equal("AsOfNotAvailable", error.ErrorId);
        Assert.Contains("users active on that one day, which is not AU", error.Message);
        Assert.DoesNotContain(_graph.Requests, r => r.PathAndQuery.Contains("(date="));

        // Today's D30 report refreshed on LastDay: once cached, LastDay can be asked for again, from the cache.
        var latest = Measure(connection, null, M365Service.Teams)[M365Service.Teams].Value!;
        int ReportRequests() => _graph.Requests.Count(r => r.PathAndQuery.Contains("getTeamsUserActivityUserDetail"));
        var asked = ReportRequests();
        var again = Measure(connection, LastDay, M365Service.Teams)[M365Service.Teams].Value!;
        Assert.Equal(LastDay, again.AsOf);
        Assert.Equal(latest.ActiveUsers, again.ActiveUsers);
        Assert.Equal(asked, ReportRequests());   // the report came from the cache
        Assert.DoesNotContain(_graph.Requests, r => r.PathAndQuery.Contains("(date="));
    }

    [Fact]
    public void Throttling_honours_Retry_After_then_succeeds()
    {
        _graph.Faults.Add("getTeamsUserActivityUserDetail", new StatusFault(429, RetryAfterSeconds: 7));
        using var connection = Connect();
        var teams = Measure(connection, null, M365Service.Teams)[M365Service.Teams];
        Assert.True(teams.Succeeded, teams.Error?.Message);
        Assert.Contains(TimeSpan.FromSeconds(7), _waits);
        Assert.Contains(_log, l => l.Contains("429") && l.Contains("Retry-After"));
    }

    [Fact]
    public void Without_Retry_After_the_backoff_grows_with_jitter_and_ends_in_LimitsExceeded_for_that_report_only()
    {
        _graph.Faults.Add("getTeamsUserActivityUserDetail", new StatusFault(503), times: 10);
        using var connection = Connect(Options(attempts: 4));
        var results = Measure(connection, null, M365Service.Teams, M365Service.Exchange);
        var error = results[M365Service.Teams].Error!;
        Assert.Equal("GraphLimitsExceeded", error.ErrorId);
        Assert.Equal(FtErrorKind.LimitsExceeded, error.Kind);
        Assert.Contains("getTeamsUserActivityUserDetail", error.Message);
        Assert.True(results[M365Service.Exchange].Succeeded);
        Assert.Equal(3, _waits.Count);
        Assert.All(_waits.Select((w, i) => (w, i)), p => Assert.InRange(p.w.TotalMilliseconds, 0, 20 * Math.Pow(2, p.i)));
        Assert.Equal(4, _graph.Requests.Count(r => r.PathAndQuery.Contains("getTeamsUserActivityUserDetail")));
    }

    [Fact]
    public void A_reset_connection_or_a_cut_off_download_is_retried()
    {
        _graph.Faults.Add("getYammerActivityUserDetail", new ConnectionResetFault());
        _graph.Faults.Add("/download/getEmailActivityUserDetail", new TruncatedBodyFault(500));
        using var connection = Connect();
        var results = Measure(connection, null, M365Service.Yammer, M365Service.Exchange);
        Assert.True(results[M365Service.Yammer].Succeeded, results[M365Service.Yammer].Error?.Message);
        Assert.True(results[M365Service.Exchange].Succeeded, results[M365Service.Exchange].Error?.Message);
        Assert.Contains(_log, l => l.Contains("cut off; retry 1"));
    }

    [Fact]
    public void A_truncated_download_fails_that_report_and_leaves_nothing_in_the_cache()
    {
        _graph.Faults.Add("/download/getOneDriveActivityUserDetail", new TruncatedBodyFault(300), times: 10);
        using var connection = Connect();
        var error = Measure(connection, null, M365Service.OneDrive)[M365Service.OneDrive].Error!;
        Assert.Equal("GraphConnectionFailed", error.ErrorId);
        Assert.Contains("getOneDriveActivityUserDetail", error.Message);
        var folder = Path.Combine(_dir.Path, "cache", SampleTenantOptions.ContosoTenantId.ToString());
        Assert.False(Directory.Exists(folder) && Directory.GetFiles(folder, "getOneDriveActivityUserDetail*").Length > 0);
    }

    [Fact]
    public void A_download_slower_than_its_deadline_times_out()
    {
        _graph.Faults.Add("/download/getSharePointActivityUserDetail", new SlowBodyFault(TimeSpan.FromSeconds(20)));
        using var connection = Connect(Options(downloadTimeout: TimeSpan.FromSeconds(1)));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var error = Measure(connection, null, M365Service.SharePoint)[M365Service.SharePoint].Error!;
        Assert.Equal("GraphTimeout", error.ErrorId);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData(403, "GraphForbidden", "Reports.Read.All")]
    [InlineData(404, "GraphNotFound", "-GraphEndpoint")]
    public void Refusals_name_what_is_missing(int status, string errorId, string hint)
    {
        _graph.Faults.Add("getTeamsUserActivityUserDetail", new StatusFault(status));
        using var connection = Connect();
        var error = Measure(connection, null, M365Service.Teams)[M365Service.Teams].Error!;
        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains(hint, error.Message);
    }

    [Fact]
    public void An_expired_token_is_refreshed_once()
    {
        var credential = new SequenceCredential("expired-token", "fresh-token");
        _graph.AcceptedTokens.Add("expired-token");
        var request = new ConnectionRequest { Method = ConnectionMethod.ClientSecret, GraphEndpoint = _graph.BaseAddress };
        using var connection = TenantConnector.Connect(request, Options(), credential, CancellationToken.None);
        _graph.AcceptedTokens.Remove("expired-token"); // it expires
        _graph.AcceptedTokens.Add("fresh-token");
        Assert.True(Measure(connection, null, M365Service.Teams)[M365Service.Teams].Succeeded);
        Assert.Equal(2, credential.Calls);
    }

    [Fact]
    public void A_token_given_as_is_cannot_be_refreshed_and_says_so()
    {
        using var connection = Connect();
        _graph.AcceptedTokens.Remove(Token);
        var error = Measure(connection, null, M365Service.Teams)[M365Service.Teams].Error!;
        Assert.Equal("GraphUnauthorized", error.ErrorId);
        Assert.Contains("Connect-FtTenant", error.Message);
    }

    [Fact]
    public void A_tenant_that_conceals_names_is_noticed_from_its_settings_and_its_reports()
    {
        _graph.DisplayConcealedNames = true;
        using var connection = Connect();
        Assert.True(connection.ReportsConcealNames);
        Assert.True(Measure(connection, null, M365Service.Teams)[M365Service.Teams].Value!.ConcealedNames);
        Assert.DoesNotContain(_graph.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public void No_token_or_download_key_reaches_the_workspace_the_log_or_an_error()
    {
        _graph.Faults.Add("getEmailActivityUserDetail", new StatusFault(403));
        _graph.Faults.Add("/download/getOneDriveActivityUserDetail", new TruncatedBodyFault(100));
        using var connection = Connect();
        var results = Measure(connection);
        var texts = new List<string>(_log);
        texts.AddRange(connection.DrainLog());
        texts.AddRange(results.Values.Where(r => !r.Succeeded).Select(r => r.Error!.Message));
        texts.AddRange(Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        texts.Add(connection.ToString());
        Assert.True(texts.Count > 10);
        foreach (var secret in new[] { Token, "c2lnbmF0dXJlLXNlY3JldA", _graph.DownloadSecret, "tempauth" })
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Secret_text_is_cut_out_of_messages()
    {
        var text = SecretText.Redact($"GET https://reports.office.com/data/x.csv?tempauth=abc123 failed; Authorization: Bearer {Token}");
        Assert.DoesNotContain("abc123", text);
        Assert.DoesNotContain(Token, text);
        Assert.Contains("https://reports.office.com/data/x.csv?[redacted]", text);
    }

    /// <summary>Stands in for Entra ID (which cannot run here): hands out the given tokens in turn.</summary>
    private sealed class SequenceCredential(params string[] tokens) : TokenCredential
    {
        public int Calls;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(tokens[Math.Min(Interlocked.Increment(ref Calls) - 1, tokens.Length - 1)], DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
