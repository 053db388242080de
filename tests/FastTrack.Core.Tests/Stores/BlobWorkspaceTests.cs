using System.Net;
using System.Net.Sockets;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;
using FastTrack.Tests.Shared;

namespace FastTrack.Core.Tests.Stores;

/// <summary>A workspace in Azure Blob Storage, against Azurite with the real client: the URL forms, the errors that
/// name their fix, and the writes that race.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobWorkspaceTests
{
    private static readonly Guid Contoso = Guid.Parse("6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11");
    private readonly AzuriteFixture _azurite;

    public BlobWorkspaceTests(AzuriteFixture azurite) => _azurite = azurite;

    [Theory]
    [InlineData("https://contoso.blob.core.windows.net/fasttrack", "contoso", "fasttrack", false)]
    [InlineData("https://contoso.blob.core.usgovcloudapi.net/fast-track/", "contoso", "fast-track", false)]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/plans", "devstoreaccount1", "plans", true)]
    [InlineData("http://localhost:49152/devstoreaccount1/ws-1", "devstoreaccount1", "ws-1", true)]
    public void Container_urls_are_workspaces(string url, string account, string container, bool emulator)
    {
        var workspace = new Workspace(url);
        Assert.NotNull(workspace.Blob);
        Assert.Equal(account, workspace.Blob!.Account);
        Assert.Equal(container, workspace.Blob.Container);
        Assert.Equal(emulator, workspace.Blob.IsEmulator);
        Assert.Equal(url.TrimEnd('/'), workspace.Root);
    }

    [Theory]
    [InlineData("https://contoso.blob.core.windows.net/fasttrack?sv=2024&sig=SECRETSIG", "no query or SAS")]
    [InlineData("https://contoso.blob.core.windows.net/", "names a container")]
    [InlineData("https://contoso.blob.core.windows.net/fasttrack/plans", "names a container")]
    [InlineData("https://contoso.blob.core.windows.net/Fast_Track", "not a container name")]
    [InlineData("https://example.com/fasttrack", "blob endpoint")]
    [InlineData("http://contoso.blob.core.windows.net/fasttrack", "emulator on this machine only")]
    [InlineData("http://127.0.0.1:10000/fasttrack", "http://127.0.0.1:<port>/<account>/<container>")]
    public void Other_urls_are_refused_saying_why_and_never_showing_a_sas(string url, string why)
    {
        var ex = Assert.Throws<FtException>(() => new Workspace(url));
        Assert.Equal("WorkspaceInvalid", ex.Error.ErrorId);
        Assert.Contains(why, ex.Message);
        Assert.DoesNotContain("SECRETSIG", ex.Message);
    }

    [AzuriteFact]
    public void A_missing_container_is_an_error_that_says_how_to_create_it()
    {
        var url = new Uri(_azurite.Emulator.Endpoint + "/nosuchcontainer");
        var store = new PlanStore(new Workspace(url.ToString()), PlaybookCatalog.Default);
        var error = Assert.Single(store.ReadAll()).Error!;
        Assert.Equal("StorageContainerNotFound", error.ErrorId);
        Assert.Contains("az storage container create --account-name devstoreaccount1 --name nosuchcontainer", error.Message);
        var create = Assert.Throws<FtException>(() => store.Create(CustomerPlan.New(PlaybookCatalog.Default, Contoso, "Contoso", DateTimeOffset.Now)));
        Assert.Equal("StorageContainerNotFound", create.Error.ErrorId);
    }

    [AzuriteFact]
    public void A_wrong_key_is_refused_naming_the_role_to_grant_and_no_secret()
    {
        var container = _azurite.Emulator.NewContainer();
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var previous = Environment.GetEnvironmentVariable("FASTTRACK_STORAGE_CONNECTION_STRING");
        try
        {
            // Another process would read its own environment; in this one the client is made per connection string.
            Environment.SetEnvironmentVariable("FASTTRACK_STORAGE_CONNECTION_STRING", $"AccountName=devstoreaccount1;AccountKey={wrongKey}");
            var store = new PlanStore(new Workspace(container.Uri.ToString()), PlaybookCatalog.Default);
            var error = Assert.Single(store.ReadAll()).Error!;
            Assert.Equal("StorageAccessDenied", error.ErrorId);
            Assert.Equal(FtErrorKind.PermissionDenied, error.Kind);
            Assert.Contains("Storage Blob Data Contributor", error.Message);
            Assert.DoesNotContain(wrongKey, error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("FASTTRACK_STORAGE_CONNECTION_STRING", previous);
        }
    }

    [AzuriteFact]
    public void An_account_that_does_not_answer_is_said_to_be_unreachable()
    {
        _ = _azurite.Emulator; // the development account's connection string is set
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nobody listens there now
        var store = new PlanStore(new Workspace($"http://127.0.0.1:{port}/devstoreaccount1/plans"), PlaybookCatalog.Default);
        var error = Assert.Single(store.ReadAll()).Error!;
        Assert.Equal("StorageUnreachable", error.ErrorId);
        Assert.Equal(FtErrorKind.ConnectionError, error.Kind);
        Assert.Contains($"127.0.0.1:{port}", error.Message);
    }

    [AzuriteFact]
    public void Concurrent_writers_in_one_process_all_land()
    {
        var container = _azurite.Emulator.NewContainer();
        var store = new PlanStore(new Workspace(container.Uri.ToString()), PlaybookCatalog.Default, TimeSpan.FromSeconds(60));
        store.Create(CustomerPlan.New(PlaybookCatalog.Default, Contoso, "Contoso", DateTimeOffset.Now));
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            store.Update(Contoso, null, false, PlanChanges.AddBlocker(M365Service.Teams, $"blocker {i}", "Test", "w", DateTime.Today)));
        var plan = store.Read(Contoso);
        Assert.Equal(40, plan.Blockers.Count);
        Assert.Equal(Enumerable.Range(1, 40), plan.Blockers.Select(b => b.Id).Order());
        Assert.Equal(41, plan.Revision);
        var backup = PlanSerializer.Deserialize(container.GetBlobClient(TestWorkspace.PlanName(Contoso) + ".bak").DownloadContent().Value.Content.ToString(), "bak");
        Assert.Equal(40, backup.Revision); // the version before the last, never an older one
    }

    [AzuriteFact]
    public void A_run_claim_is_held_by_one_runner_until_released()
    {
        var workspace = new Workspace(_azurite.Emulator.NewContainer().Uri.ToString());
        var claims = FastTrack.Core.Stores.WorkspaceStorage.RunClaims(workspace);
        using (var first = claims.TryClaim(Contoso))
        {
            Assert.NotNull(first);
            Assert.Null(claims.TryClaim(Contoso));
            Assert.True(first!.Renew());
        }
        using var again = claims.TryClaim(Contoso);
        Assert.NotNull(again);
    }

    [AzuriteFact]
    public void A_report_one_runner_downloaded_is_read_by_another_from_the_container_not_from_Graph()
    {
        using var graph = new Graph.EmulatedGraph();
        var workspace = new Workspace(_azurite.Emulator.NewContainer().Uri.ToString());
        var teams = new[] { M365Service.Teams };
        global::FastTrack.Core.Usage.ActiveUsage MeasureTeams()
        {
            using var connection = graph.Connect();
            return new global::FastTrack.Core.Usage.ActiveUsageCalculator().Measure(connection.UsageSource(workspace), teams, _ => new global::FastTrack.Core.Usage.UsageGoal(10, null, global::FastTrack.Core.Usage.UsageBasis.PaidUnits)).Single().Value!;
        }
        try
        {
            var first = MeasureTeams();
            var downloads = graph.Downloads(global::FastTrack.Core.UsageReports.ReportKind.TeamsUserActivityUserDetail);
            Assert.True(downloads > 0);
            // Another machine: no local copy of the cache. The report comes from the container.
            Directory.Delete(workspace.CacheDirectory, recursive: true);
            var second = MeasureTeams();
            Assert.Equal(first.ActiveUsers, second.ActiveUsers);
            Assert.Equal(downloads, graph.Downloads(global::FastTrack.Core.UsageReports.ReportKind.TeamsUserActivityUserDetail));
        }
        finally
        {
            try { Directory.Delete(Path.GetDirectoryName(workspace.CacheDirectory)!, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public void A_folder_run_claim_is_held_by_one_holder_until_released()
    {
        using var dir = new TempDirectory();
        var claims = FastTrack.Core.Stores.WorkspaceStorage.RunClaims(new Workspace(dir.Path));
        using (var first = claims.TryClaim(Contoso))
        {
            Assert.NotNull(first);
            Assert.Null(claims.TryClaim(Contoso));
        }
        using var again = claims.TryClaim(Contoso);
        Assert.NotNull(again);
    }
}
