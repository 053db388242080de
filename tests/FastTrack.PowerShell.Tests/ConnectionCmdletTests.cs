
namespace FastTrack.PowerShell.Tests;

/// <summary>Two live tenants of a partner's portfolio, each a Graph emulator in its own process, reached by
/// the module's real Graph client from the real engine.</summary>
public sealed class EmulatedTenants : IDisposable
{
    public EmulatedTenants()
    {
        Northwind = new EmulatorProcess(Guid.Parse("0b9c6f1e-5a3d-4c2b-9e8f-7a6b5c4d3e2f"), "Northwind", "northwind.example", "token-northwind-" + Guid.NewGuid().ToString("N"));
        Tailspin = new EmulatorProcess(Guid.Parse("1c2d3e4f-6a7b-4c8d-9e0f-a1b2c3d4e5f6"), "Tailspin", "tailspin.example", "token-tailspin-" + Guid.NewGuid().ToString("N"));
    }

    public EmulatorProcess Northwind { get; }
    public EmulatorProcess Tailspin { get; }

    public void Dispose()
    {
        Northwind.Dispose();
        Tailspin.Dispose();
    }
}

public sealed class ConnectionCmdletTests : IClassFixture<ModuleSession>, IClassFixture<EmulatedTenants>, IDisposable
{
    private readonly ModuleSession _session;
    private readonly EmulatedTenants _tenants;
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));

    public ConnectionCmdletTests(ModuleSession session, EmulatedTenants tenants)
    {
        _session = session;
        _tenants = tenants;
        foreach (var t in new[] { tenants.Northwind, tenants.Tailspin })
            Run($"New-FtCustomerPlan -TenantId {t.TenantId} -Customer {(t == tenants.Northwind ? "Northwind" : "Tailspin")} -IntendedService Teams, OneDrive -Workspace $args[0] | Out-Null").AssertNoErrors();
    }

    public void Dispose()
    {
        Run($"Disconnect-FtTenant -TenantId {_tenants.Northwind.TenantId}, {_tenants.Tailspin.TenantId} -ErrorAction SilentlyContinue");
        try { Directory.Delete(_workspace, true); } catch (IOException) { }
    }

    private ScriptResult Run(string script, params object[] more) => _session.Run(script, new object[] { _workspace }.Concat(more).ToArray());

    private ScriptResult Connect(EmulatorProcess tenant, string extra = "") =>
        Run("Connect-FtTenant -AccessToken $args[1] -GraphEndpoint $args[2] -PassThru " + extra, tenant.SecureToken, tenant.BaseAddress);

    [Fact]
    public void A_token_connects_the_tenant_it_signs_in_to_and_it_is_listed()
    {
        var connection = Connect(_tenants.Northwind).Single();
        Assert.Equal(_tenants.Northwind.TenantId.ToString(), connection.Str("TenantId"));
        Assert.Equal("Northwind", connection.Str("DisplayName"));
        Assert.Equal("northwind.example", connection.Str("DefaultDomain"));
        Assert.Equal("AccessToken", connection.Str("Method"));
        var listed = Run($"Get-FtConnection -TenantId {_tenants.Northwind.TenantId}").Single();
        Assert.Equal("Northwind", listed.Str("DisplayName"));
        var text = _session.Display($"Get-FtConnection -TenantId {_tenants.Northwind.TenantId}");
        Assert.Matches(@"TenantId\s+DisplayName\s+DefaultDomain", text);
        Assert.Contains("Northwind", text);
    }

    [Fact]
    public void Plans_of_two_tenants_are_measured_in_parallel_from_their_own_connections_and_saved()
    {
        Connect(_tenants.Northwind).AssertNoErrors();
        Connect(_tenants.Tailspin).AssertNoErrors();
        var result = Run("Get-FtCustomerPlan -Workspace $args[0] | Measure-FtActiveUsage -ThrottleLimit 2 -Save -Workspace $args[0] -Verbose");
        result.AssertNoErrors();
        Assert.Equal(4, result.Output.Count);
        Assert.Equal(new[] { "Northwind", "Tailspin" }, result.Output.Select(o => o.Str("Customer")).Distinct().OrderBy(c => c));
        Assert.All(result.Output, o => Assert.StartsWith("Microsoft Graph for", o.Str("Source")));
        Assert.Contains(result.Verbose, v => v.Contains("downloading from Microsoft Graph"));
        Assert.Contains(result.Progress, p => p.StatusDescription.Contains("of 2 tenants"));
        Assert.Equal(2, Run($"Get-FtActiveUsageHistory -TenantId {_tenants.Tailspin.TenantId} -Workspace $args[0]").Output.Count);

        // The same day again: read from the workspace cache, no new report call.
        var calls = _tenants.Northwind.Requests().Count(r => r.GetProperty("PathAndQuery").GetString()!.Contains("/reports/"));
        Run($"Measure-FtActiveUsage -TenantId {_tenants.Northwind.TenantId} -Workspace $args[0]").AssertNoErrors();
        Assert.Equal(calls, _tenants.Northwind.Requests().Count(r => r.GetProperty("PathAndQuery").GetString()!.Contains("/reports/")));
    }

    // Issue 20: the Copilot usage report's JSON pages through the real Graph client, the bearer token on every page.
    [Fact]
    public void Microsoft_365_Copilot_is_measured_through_Graph_following_every_page()
    {
        Connect(_tenants.Northwind).AssertNoErrors();
        var result = Run($"Measure-FtActiveUsage -TenantId {_tenants.Northwind.TenantId} -Service Microsoft365Copilot -Workspace $args[0] -Verbose");
        result.AssertNoErrors();
        var copilot = result.Output.Single();
        Assert.Equal("Microsoft365Copilot", copilot.Str("Service"));
        Assert.Equal(30L, copilot.Prop("Denominator"));                  // 300 users, 30 with the Microsoft_365_Copilot SKU
        Assert.Equal(8, ((System.Collections.ICollection)copilot.Prop("Apps")!).Count);
        Assert.Contains(result.Verbose, v => v.Contains("getMicrosoft365CopilotUsageUserDetail") && v.Contains("fetching page 2"));
        var pages = _tenants.Northwind.Requests().Select(r => r.GetProperty("PathAndQuery").GetString()!)
            .Where(p => p.Contains("/v1.0/copilot/reports/getMicrosoft365CopilotUsageUserDetail", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, pages.Count);                                     // 30 users in pages of 15
        Assert.Single(Directory.GetFiles(Path.Combine(_workspace, "cache", _tenants.Northwind.TenantId.ToString()), "getMicrosoft365CopilotUsageUserDetail.D30-fetched-*.json"));
    }

    // Issue 14.10: Graph's date= is one day's activity, never AU; a past date needs a 28-day figure of that day.
    [Fact]
    public void A_past_date_on_a_live_tenant_is_refused_unless_a_28_day_figure_of_that_day_exists()
    {
        Connect(_tenants.Tailspin).AssertNoErrors();
        var refused = Run($"Measure-FtActiveUsage -TenantId {_tenants.Tailspin.TenantId} -Service Teams -AsOf $args[1] -Workspace $args[0]", DateTime.UtcNow.Date.AddDays(-20));
        Assert.Empty(refused.Output);
        var error = Assert.Single(refused.Errors);
        Assert.Equal("AsOfNotAvailable,FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("not AU", error.Exception.Message);
        Assert.DoesNotContain(_tenants.Tailspin.Requests(), r => r.GetProperty("PathAndQuery").GetString()!.Contains("date="));

        // A snapshot saved on a day is a 28-day figure of that day: -AsOf reads it back, Graph is not asked.
        var latest = Run($"Measure-FtActiveUsage -TenantId {_tenants.Tailspin.TenantId} -Service Teams -Save -Workspace $args[0]").Output.Single();
        Directory.Delete(Path.Combine(_workspace, "cache"), recursive: true);
        var saved = Run($"Measure-FtActiveUsage -TenantId {_tenants.Tailspin.TenantId} -Service Teams -AsOf $args[1] -Workspace $args[0]", latest.Prop("AsOf")!);
        saved.AssertNoErrors();
        Assert.Equal(latest.Prop("ActiveUsers"), saved.Output.Single().Prop("ActiveUsers"));
        Assert.StartsWith("saved snapshot of", saved.Output.Single().Str("Source"));
    }

    [Fact]
    public void A_throttled_report_is_retried_and_a_refused_one_fails_alone_without_a_partial_snapshot()
    {
        Connect(_tenants.Tailspin).AssertNoErrors();
        _tenants.Tailspin.AddFault("getTeamsUserActivityUserDetail|status|429:1|1");
        _tenants.Tailspin.AddFault("getOneDriveActivityUserDetail|status|403|1");
        var result = Run($"Measure-FtActiveUsage -TenantId {_tenants.Tailspin.TenantId} -Save -Workspace $args[0] -Verbose");
        Assert.Equal("Teams", Assert.Single(result.Output).Str("Service"));
        Assert.Contains(result.Verbose, v => v.Contains("429") && v.Contains("Retry-After"));
        var forbidden = result.Errors[0];
        Assert.Equal("GraphForbidden,FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand", forbidden.FullyQualifiedErrorId);
        Assert.Equal("PermissionDenied", forbidden.CategoryInfo.Category.ToString());
        Assert.Contains("Reports.Read.All", forbidden.Exception.Message);
        Assert.Equal("SnapshotIncomplete", result.Errors[1].FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(Run($"Get-FtActiveUsageHistory -TenantId {_tenants.Tailspin.TenantId} -Workspace $args[0]").Output);
    }

    [Fact]
    public void A_refused_token_is_a_clear_terminating_error_that_does_not_contain_it()
    {
        var result = Run("Connect-FtTenant -AccessToken $args[1] -GraphEndpoint $args[2]", EmulatorProcess.Secure("not-the-token-" + Guid.NewGuid()), _tenants.Northwind.BaseAddress);
        var error = Assert.Single(result.Errors);
        Assert.Equal("GraphUnauthorized,FastTrack.PowerShell.Connections.ConnectFtTenantCommand", error.FullyQualifiedErrorId);
        Assert.Equal("AuthenticationError", error.CategoryInfo.Category.ToString());
        Assert.DoesNotContain("not-the-token", error.ToString());
        Assert.Empty(Run($"Get-FtConnection -TenantId {_tenants.Northwind.TenantId} -ErrorAction SilentlyContinue").Output);
    }

    // Issue 15: a tenant that is not one, and a sign-in without a network, are the module's own errors, quickly.
    [Fact]
    public void A_bad_tenant_and_an_unreachable_sign_in_are_clear_quick_errors_without_the_secret()
    {
        const string secret = "super-secret-value-7f3e";
        const string secure = "$s = [securestring]::new(); foreach ($c in $args[1].ToCharArray()) { $s.AppendChar($c) }; ";
        var bad = Assert.Single(Run(secure + "Connect-FtTenant -TenantId 'bad tenant' -ClientId 00000000-0000-0000-0000-000000000001 -ClientSecret $s", secret).Errors);
        Assert.Equal("InvalidTenant,FastTrack.PowerShell.Connections.ConnectFtTenantCommand", bad.FullyQualifiedErrorId);
        Assert.Equal("InvalidArgument", bad.CategoryInfo.Category.ToString());
        Assert.DoesNotContain("(Parameter", bad.Exception.Message);

        // This machine's network is closed: Entra ID cannot be reached, as on a server without a route.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var offline = Assert.Single(Run(secure + "Connect-FtTenant -TenantId contoso.onmicrosoft.com -ClientId 00000000-0000-0000-0000-000000000001 -ClientSecret $s", secret).Errors);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        Assert.Equal("GraphSignInUnreachable,FastTrack.PowerShell.Connections.ConnectFtTenantCommand", offline.FullyQualifiedErrorId);
        Assert.Contains("Entra ID could not be reached", offline.Exception.Message);
        Assert.DoesNotContain(secret, offline.ToString());
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(offline.Exception.Message, "could not be reached"));
    }

    [Fact]
    public void Disconnecting_honours_WhatIf_then_forgets_the_tenant()
    {
        Connect(_tenants.Northwind).AssertNoErrors();
        Run($"Disconnect-FtTenant -TenantId {_tenants.Northwind.TenantId} -WhatIf").AssertNoErrors();
        Assert.Single(Run($"Get-FtConnection -TenantId {_tenants.Northwind.TenantId}").Output);
        Run($"Disconnect-FtTenant -TenantId {_tenants.Northwind.TenantId}").AssertNoErrors();
        var error = Assert.Single(Run($"Get-FtConnection -TenantId {_tenants.Northwind.TenantId}").Errors);
        Assert.Equal("ConnectionNotFound,FastTrack.PowerShell.Connections.GetFtConnectionCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void No_token_or_download_key_reaches_output_verbose_debug_errors_or_the_workspace()
    {
        Connect(_tenants.Tailspin).AssertNoErrors();
        _tenants.Tailspin.AddFault("getEmailActivityUserDetail|status|403|1");
        _tenants.Tailspin.AddFault("/download/getOneDriveActivityUserDetail|truncate|200|1");
        _session.Host.Clear();
        var result = Run($"Get-FtCustomerPlan -TenantId {_tenants.Tailspin.TenantId} -Workspace $args[0] | Invoke-FtSuccessExecution -AllowPartial -Workspace $args[0] -Verbose -Debug; " +
                         $"Measure-FtActiveUsage -TenantId {_tenants.Tailspin.TenantId} -Service Exchange, OneDrive, Teams -Workspace $args[0] -Verbose -Debug | Out-Default");
        var texts = new List<string>();
        texts.AddRange(result.Verbose);
        texts.AddRange(result.Warnings);
        texts.AddRange(result.Errors.Select(e => e.ToString() + e.Exception));
        texts.AddRange(result.Output.Select(o => o.ToString()));
        texts.Add(_session.Host.Text);
        texts.AddRange(Directory.GetFiles(_workspace, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.NotEmpty(result.Errors);
        Assert.Contains(result.Verbose, v => v.Contains("getOneDriveActivityUserDetail") && v.Contains("cut off"));
        foreach (var secret in new[] { _tenants.Tailspin.Token, _tenants.Tailspin.DownloadSecret, "tempauth" })
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Ctrl_C_stops_a_slow_download_promptly_and_leaves_nothing_behind()
    {
        Connect(_tenants.Northwind).AssertNoErrors();
        _tenants.Northwind.AddFault("/download/getYammerActivityUserDetail|slow|30|1");
        var (took, state) = _session.RunAndStop($"Measure-FtActiveUsage -TenantId {_tenants.Northwind.TenantId} -Service Yammer -Save -Workspace $args[0]",
            TimeSpan.FromSeconds(2), _workspace);
        Assert.Equal(System.Management.Automation.PSInvocationState.Stopped, state);
        Assert.True(took < TimeSpan.FromSeconds(5), $"stopping took {took}");
        var cache = Path.Combine(_workspace, "cache", _tenants.Northwind.TenantId.ToString());
        Assert.False(Directory.Exists(cache) && Directory.GetFiles(cache, "getYammerActivityUserDetail*").Length > 0);
        Assert.Empty(Run($"Get-FtActiveUsageHistory -TenantId {_tenants.Northwind.TenantId} -Workspace $args[0]").Output);
    }
}
