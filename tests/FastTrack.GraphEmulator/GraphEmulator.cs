using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using FastTrack.Core.Sample;
using FastTrack.Core.UsageReports;

namespace FastTrack.GraphEmulator;

/// <summary>Microsoft Graph on loopback, backed by the sample tenant: the report functions (302 to a
/// pre-authenticated download on another host, as Graph does), subscribedSkus, organization and
/// admin/reportSettings, with bearer tokens checked and faults injected on demand.</summary>
public sealed class GraphEmulator : IDisposable
{
    private static readonly Regex ReportCall = new(@"^/v1\.0/reports/(?<function>get\w+)(\((?<arg>period|date)='?(?<value>[^')]+)'?\))?$", RegexOptions.IgnoreCase);
    private readonly HttpListener _api = new();
    private readonly HttpListener _downloads = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SampleTenant _concealed;
    private int _disposed;

    public GraphEmulator(SampleTenant tenant)
    {
        Tenant = tenant;
        var options = tenant.Options;
        _concealed = new SampleTenant(new SampleTenantOptions
        {
            Seed = options.Seed, Users = options.Users, LastDay = options.LastDay, Days = options.Days, TenantId = options.TenantId,
            Customer = options.Customer, Domain = options.Domain, ConcealedNames = true,
        });
        DownloadSecret = Convert.ToHexString(Guid.NewGuid().ToByteArray()) + "SECRETDOWNLOADKEY";
    }

    public SampleTenant Tenant { get; }
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public Uri DownloadAddress { get; private set; } = new("http://localhost/");
    public ISet<string> AcceptedTokens { get; } = new HashSet<string> { "emulator-token" };
    public FaultPlan Faults { get; } = new();
    public string DownloadSecret { get; }
    /// <summary>What admin/reportSettings says; true also conceals the names in the reports served.</summary>
    public bool DisplayConcealedNames { get; set; }
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

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
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stop.Cancel();
        foreach (var listener in new[] { _api, _downloads })
        {
            try { listener.Stop(); listener.Close(); } catch (ObjectDisposedException) { }
        }
    }

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
            _ = Task.Run(async () =>
            {
                var request = context.Request;
                var status = 0;
                try { status = await Play(context, handle).ConfigureAwait(false); }
                catch (Exception) { status = -1; try { context.Response.Abort(); } catch (Exception) { } }
                _requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url!.PathAndQuery, request.Headers["Authorization"], status, request.Url.Authority));
            });
        }
    }

    private async Task<int> Play(HttpListenerContext context, Func<HttpListenerContext, Task<int>> handle)
    {
        var fault = Faults.Take(Uri.UnescapeDataString(context.Request.Url!.AbsolutePath));
        switch (fault)
        {
            case StatusFault status:
                if (status.RetryAfterSeconds is { } seconds) context.Response.AddHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
                await Error(context.Response, status.Status, status.Code, "Injected by the emulator.").ConfigureAwait(false);
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

    private async Task<int> HandleApi(HttpListenerContext context)
    {
        var request = context.Request;
        var path = Uri.UnescapeDataString(request.Url!.AbsolutePath).TrimEnd('/');
        if (path.StartsWith("/emulator/", StringComparison.Ordinal)) return await Control(context, path).ConfigureAwait(false);
        var auth = request.Headers["Authorization"];
        if (auth is null || !auth.StartsWith("Bearer ", StringComparison.Ordinal) || !AcceptedTokens.Contains(auth.Substring(7)))
            return await Error(context.Response, 401, "InvalidAuthenticationToken", "Access token is empty or invalid.").ConfigureAwait(false);

        if (path.Equals("/v1.0/admin/reportSettings", StringComparison.OrdinalIgnoreCase))
        {
            if (request.HttpMethod != "GET") return await Error(context.Response, 403, "Authorization_RequestDenied", "The emulator refuses changes to report settings.").ConfigureAwait(false);
            return await Json(context.Response, $$"""{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#admin/reportSettings/$entity","displayConcealedNames":{{(DisplayConcealedNames ? "true" : "false")}}}""").ConfigureAwait(false);
        }
        if (request.HttpMethod != "GET") return await Error(context.Response, 405, "MethodNotAllowed", "Only GET is served.").ConfigureAwait(false);
        if (path.Equals("/v1.0/subscribedSkus", StringComparison.OrdinalIgnoreCase))
            return await Json(context.Response, Tenant.SubscribedSkusJson()).ConfigureAwait(false);
        if (path.Equals("/v1.0/organization", StringComparison.OrdinalIgnoreCase))
        {
            var o = Tenant.Options;
            return await Json(context.Response, $$"""{"value":[{"id":"{{o.TenantId:D}}","displayName":"{{o.Customer}}","verifiedDomains":[{"name":"{{o.Domain}}","isDefault":true,"isInitial":false}]}]}""").ConfigureAwait(false);
        }
        var match = ReportCall.Match(path);
        if (match.Success && Kind(match.Groups["function"].Value) is { } kind)
        {
            DateTime day;
            if (match.Groups["arg"].Value.Equals("date", StringComparison.OrdinalIgnoreCase))
            {
                if (!DateTime.TryParseExact(match.Groups["value"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
                    || day < Tenant.Options.FirstDay || day > Tenant.Options.LastDay)
                    return await Error(context.Response, 400, "BadRequest", "Invalid date: reports keep the last 28 days.").ConfigureAwait(false);
            }
            else day = Tenant.Options.LastDay;
            var function = ReportDefinition.For(kind).GraphFunction;
            context.Response.StatusCode = 302;
            context.Response.RedirectLocation = new Uri(DownloadAddress, $"download/{function}/{day:yyyy-MM-dd}.csv?tempauth={DownloadSecret}").ToString();
            context.Response.Close();
            return 302;
        }
        return await Error(context.Response, match.Success ? 400 : 404, match.Success ? "BadRequest" : "ResourceNotFound", $"Resource not found for the segment '{path}'.").ConfigureAwait(false);
    }

    private async Task<int> HandleDownload(HttpListenerContext context)
    {
        var request = context.Request;
        var parts = request.Url!.AbsolutePath.Trim('/').Split('/');
        if (request.QueryString["tempauth"] != DownloadSecret)
            return await Error(context.Response, 403, "Forbidden", "The download key is missing or wrong.").ConfigureAwait(false);
        if (parts.Length != 3 || parts[0] != "download" || Kind(parts[1]) is not { } kind
            || !DateTime.TryParseExact(parts[2].Replace(".csv", ""), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return await Error(context.Response, 404, "NotFound", "No such download.").ConfigureAwait(false);

        var body = new MemoryStream();
        (DisplayConcealedNames ? _concealed : Tenant).WriteReport(kind, day, body);
        var bytes = body.ToArray();
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/octet-stream";
        response.ContentLength64 = bytes.Length;
        switch (_pendingBodyFault.Value)
        {
            case TruncatedBodyFault truncated:
                await response.OutputStream.WriteAsync(bytes.AsMemory(0, Math.Min(truncated.Bytes, bytes.Length))).ConfigureAwait(false);
                await response.OutputStream.FlushAsync().ConfigureAwait(false);
                response.Abort();
                return 200;
            case SlowBodyFault slow:
                var head = Math.Min(1024, bytes.Length);
                await response.OutputStream.WriteAsync(bytes.AsMemory(0, head)).ConfigureAwait(false);
                await response.OutputStream.FlushAsync().ConfigureAwait(false);
                try { await Task.Delay(slow.Delay, _stop.Token).ConfigureAwait(false); } catch (OperationCanceledException) { }
                await response.OutputStream.WriteAsync(bytes.AsMemory(head)).ConfigureAwait(false);
                break;
            default:
                await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
                break;
        }
        response.Close();
        return 200;
    }

    // The control channel of the out-of-process emulator (Program.cs): faults in, requests and the download key out.
    private async Task<int> Control(HttpListenerContext context, string path)
    {
        switch (path)
        {
            case "/emulator/faults":
                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    // pathContains|kind|value|times   kind: status (value "429:7" = status 429, Retry-After 7), reset, slow (seconds), truncate (bytes)
                    var f = (await reader.ReadToEndAsync().ConfigureAwait(false)).Trim().Split('|');
                    Fault fault = f[1] switch
                    {
                        "status" => new StatusFault(int.Parse(f[2].Split(':')[0], CultureInfo.InvariantCulture), f[2].Contains(':') ? int.Parse(f[2].Split(':')[1], CultureInfo.InvariantCulture) : null),
                        "reset" => new ConnectionResetFault(),
                        "slow" => new SlowBodyFault(TimeSpan.FromSeconds(double.Parse(f[2], CultureInfo.InvariantCulture))),
                        _ => new TruncatedBodyFault(int.Parse(f[2], CultureInfo.InvariantCulture)),
                    };
                    Faults.Add(f[0], fault, int.Parse(f[3], CultureInfo.InvariantCulture));
                }
                return await Json(context.Response, "{}").ConfigureAwait(false);
            case "/emulator/requests":
                return await Json(context.Response, System.Text.Json.JsonSerializer.Serialize(Requests)).ConfigureAwait(false);
            case "/emulator/secret":
                return await Json(context.Response, System.Text.Json.JsonSerializer.Serialize(DownloadSecret)).ConfigureAwait(false);
            case "/emulator/concealed":
                DisplayConcealedNames = true;
                return await Json(context.Response, "{}").ConfigureAwait(false);
            default:
                return await Error(context.Response, 404, "NotFound", "No such control.").ConfigureAwait(false);
        }
    }

    private static ReportKind? Kind(string function) =>
        Enum.GetValues<ReportKind>().Cast<ReportKind?>().FirstOrDefault(k => ReportDefinition.For(k!.Value).GraphFunction.Equals(function, StringComparison.OrdinalIgnoreCase));

    private static async Task<int> Json(HttpListenerResponse response, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
        return 200;
    }

    private static async Task<int> Error(HttpListenerResponse response, int status, string code, string message)
    {
        var body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"innerError\":{\"request-id\":\"" + Guid.NewGuid() + "\"}}}";
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
        return status;
    }
}
