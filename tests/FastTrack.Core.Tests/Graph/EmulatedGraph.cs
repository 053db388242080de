using System.Collections.Concurrent;
using System.Security;
using FastTrack.Core.Connections;
using FastTrack.Core.Graph;
using FastTrack.Core.Sample;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Tests.Graph;

/// <summary>The in-process emulator, a workspace, and connections to it through the real Graph client: what the
/// download tests share. Retry waits are recorded and shortened; <see cref="BetweenAttempts"/> runs in them.</summary>
public sealed class EmulatedGraph : IDisposable
{
    public const string Token = "emulated-graph-token";
    public static readonly DateTime LastDay = new(2026, 11, 22);
    private readonly TempDirectory _dir = new();

    public EmulatedGraph(int users = 400) : this(new SampleTenant(new SampleTenantOptions { LastDay = LastDay, Users = users })) { }

    public EmulatedGraph(SampleTenant tenant)
    {
        Emulator = new GraphEmulator.GraphEmulator(tenant);
        Emulator.AcceptedTokens.Add(Token);
        Emulator.Start();
    }

    public GraphEmulator.GraphEmulator Emulator { get; }
    public Workspace Workspace => new(_dir.Path);
    public ConcurrentQueue<string> Log { get; } = new();
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();
    public Action? BetweenAttempts { get; set; }
    public string CacheFolder => Path.Combine(_dir.Path, "cache", SampleTenantOptions.ContosoTenantId.ToString());

    public GraphOptions Options(int attempts = 4, TimeSpan? downloadTimeout = null, int inFlight = 4) => new()
    {
        Retry = new RetryPolicy
        {
            MaxAttempts = attempts,
            BaseDelay = TimeSpan.FromMilliseconds(20),
            Delay = (wait, token) =>
            {
                Waits.Enqueue(wait);
                BetweenAttempts?.Invoke();
                return Task.Delay(TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds, 50)), token);
            },
        },
        DownloadTimeout = downloadTimeout ?? TimeSpan.FromSeconds(30),
        MaxReportsInFlight = inFlight,
        Log = Log.Enqueue,
    };

    public TenantConnection Connect(GraphOptions? options = null, string token = Token) =>
        TenantConnector.Connect(new ConnectionRequest { Method = ConnectionMethod.AccessToken, AccessToken = Secure(token), GraphEndpoint = Emulator.BaseAddress }, options ?? Options());

    /// <summary>The bytes the emulator serves for a report of the newest day.</summary>
    public byte[] Served(ReportKind kind, Guid? tenant = null) =>
        Emulator.Tenants.Single(t => t.Id == (tenant ?? SampleTenantOptions.ContosoTenantId)).Report(kind, LastDay, concealed: false);

    public int Downloads(ReportKind kind) =>
        Emulator.Requests.Count(r => r.PathAndQuery.StartsWith($"/download/{ReportDefinition.For(kind).GraphFunction}/", StringComparison.Ordinal));

    public string[] CacheFiles(ReportKind kind) =>
        Directory.Exists(CacheFolder) ? Directory.GetFiles(CacheFolder, ReportDefinition.For(kind).GraphFunction + "*") : Array.Empty<string>();

    public static byte[] ReadToEnd(ReportContent content)
    {
        using var copy = new MemoryStream();
        content.Stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    public void Dispose()
    {
        Emulator.Dispose();
        _dir.Dispose();
    }
}
