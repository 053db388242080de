using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using FastTrack.Core.Sample;

namespace FastTrack.GraphEmulator;

/// <summary>Microsoft Graph on loopback, backed by sample tenants: the report functions (302 to a
/// pre-authenticated download on another host, as Graph does), subscribedSkus, organization and
/// admin/reportSettings, sendMail and a Teams webhook (GraphEmulator.Delivery.cs), with bearer tokens checked, faults injected on demand, and the network's latency
/// and bandwidth when asked. One tenant by default; a portfolio's tenants are added with their tokens.</summary>
public sealed partial class GraphEmulator : IDisposable
{
    private readonly HttpListener _api = new();
    private readonly HttpListener _downloads = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _answering;
    private readonly CancellationTokenSource _stop = new();
    private readonly EmulatedTenant _primary;
    private readonly ConcurrentDictionary<string, EmulatedTenant> _byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, EmulatedTenant> _byId = new();
    private LinkPacer? _link;
    private int _disposed;

    public GraphEmulator(SampleTenant tenant)
    {
        _primary = new EmulatedTenant(tenant);
        _byId[_primary.Id] = _primary;
        DownloadSecret = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + "SECRETDOWNLOADKEY";
    }

    /// <summary>The first tenant: the one <see cref="AcceptedTokens"/> sign in to.</summary>
    public SampleTenant Tenant => _primary.Tenant;
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public Uri DownloadAddress { get; private set; } = new("http://localhost/");
    public ISet<string> AcceptedTokens { get; } = new HashSet<string> { "emulator-token" };
    public FaultPlan Faults { get; } = new();
    public string DownloadSecret { get; }
    /// <summary>What admin/reportSettings says; true also conceals the names in the reports served.</summary>
    public bool DisplayConcealedNames { get; set; }
    /// <summary>Every request answered so far. A request is recorded once its answer is sent, so a client can see the
    /// answer first: this waits (a few seconds at most) for the requests being answered to be recorded.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            SpinWait.SpinUntil(() => Volatile.Read(ref _answering) == 0, TimeSpan.FromSeconds(5));
            return _requests.ToArray();
        }
    }
    /// <summary>Where the Copilot report's pages link their next page; null for this emulator's own address (a test of a
    /// link to another host sets it).</summary>
    public Uri? CopilotLinkBase { get; set; }

    /// <summary>Added to every request before it is answered (the round trip to Graph, or to the download host).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>One link that every report body shares, in bytes per second; null for as fast as loopback goes.</summary>
    public long? BandwidthBytesPerSecond
    {
        get => _link?.BytesPerSecond;
        set => _link = value is { } rate ? new LinkPacer(rate) : null;
    }

    public IReadOnlyCollection<EmulatedTenant> Tenants => _byId.Values.ToList();

    /// <summary>Serves another tenant to the bearer of <paramref name="token"/>.</summary>
    public EmulatedTenant AddTenant(SampleTenant tenant, string token)
    {
        var added = new EmulatedTenant(tenant);
        if (!_byId.TryAdd(added.Id, added)) throw new ArgumentException($"Tenant {added.Id} is served already.", nameof(tenant));
        _byToken[token] = added;
        return added;
    }

    public void Start()
    {
        var apiPort = FreePort();
        var downloadPort = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{apiPort}/");
        DownloadAddress = new Uri($"http://localhost:{downloadPort}/");
        _api.Prefixes.Add(BaseAddress.ToString());
        _downloads.Prefixes.Add(DownloadAddress.ToString());
        _api.Start();
        _downloads.Start();
        _ = Task.Run(() => Serve(_api, HandleApi));
        _ = Task.Run(() => Serve(_downloads, HandleDownload));
        StartWebhook();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stop.Cancel();
        foreach (var listener in new[] { _api, _downloads, _webhook })
        {
            // HttpListener on Linux may look its port up again while closing and fail to bind it, when another
            // listener has taken the port since ("Address already in use"): the listener is closed all the same.
            try { listener.Stop(); listener.Close(); } catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException) { }
        }
    }

    private EmulatedTenant? TenantOf(string token) =>
        _byToken.TryGetValue(token, out var tenant) ? tenant : AcceptedTokens.Contains(token) ? _primary : null;

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task Serve(HttpListener listener, Func<HttpListenerContext, Task<int>> handle)
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync().ConfigureAwait(false); }
            catch (Exception) when (_stop.IsCancellationRequested || !listener.IsListening) { return; }
            catch (HttpListenerException) { continue; }
            Interlocked.Increment(ref _answering);
            _ = Task.Run(async () =>
            {
                var request = context.Request;
                var status = 0;
                try { status = await Play(context, handle).ConfigureAwait(false); }
                catch (Exception) { status = -1; try { context.Response.Abort(); } catch (Exception) { } }
                _requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url!.PathAndQuery, request.Headers["Authorization"], status, request.Url.Authority));
                Interlocked.Decrement(ref _answering);
            });
        }
    }

    private async Task<int> Play(HttpListenerContext context, Func<HttpListenerContext, Task<int>> handle)
    {
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        if (Latency > TimeSpan.Zero && !path.StartsWith("/emulator/", StringComparison.Ordinal))
            await Task.Delay(Latency, _stop.Token).ConfigureAwait(false);
        var fault = Faults.Take(path);
        switch (fault)
        {
            case StatusFault status:
                if (status.RetryAfterSeconds is { } seconds) context.Response.AddHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await Answers.Error(context.Response, status.Status, status.Code, "Injected by the emulator.").ConfigureAwait(false);
                return status.Status;
            case ConnectionResetFault:
                // HttpListener cannot reset a socket; announcing a body and closing before it is what a
                // client sees of a connection dropped mid-response.
                context.Response.StatusCode = 200;
                context.Response.ContentLength64 = 4096;
                await context.Response.OutputStream.FlushAsync().ConfigureAwait(false);
                context.Response.Abort();
                return -1;
            case SlowBodyFault or TruncatedBodyFault:
                context.Response.Headers["X-Emulator-Fault"] = fault.GetType().Name;
                _pendingBodyFault.Value = fault;
                break;
        }
        try { return await handle(context).ConfigureAwait(false); }
        finally { _pendingBodyFault.Value = null; }
    }

    private readonly AsyncLocal<Fault?> _pendingBodyFault = new();
}
