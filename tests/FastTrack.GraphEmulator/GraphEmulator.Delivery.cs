using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FastTrack.GraphEmulator;

/// <summary>Where digests go: Graph's <c>POST /v1.0/users/{id}/sendMail</c> (202, the message recorded; a mailbox
/// outside the tenant's domain is 404, as Graph answers for a user it does not know), and a Teams Workflows
/// webhook on a host of its own, recording each card posted. Both take the emulator's faults: 429 with
/// Retry-After or 503 a given number of times (path fragments "sendMail" and "workflows").</summary>
public sealed partial class GraphEmulator
{
    private static readonly Regex SendMailCall = new(@"^/v1\.0/users/(?<id>[^/]+)/sendMail$", RegexOptions.IgnoreCase);
    private readonly HttpListener _webhook = new();
    private readonly ConcurrentQueue<SentMail> _mail = new();
    private readonly ConcurrentQueue<WebhookPost> _posts = new();

    /// <summary>The webhook's secret, in its URL's query as a Workflows URL carries its signature.</summary>
    public string WebhookSecret { get; } = "SIG" + Guid.NewGuid().ToString("N") + "SECRETWEBHOOKSIG";
    public Uri WebhookHost { get; private set; } = new("http://127.0.0.1/");
    public Uri WebhookUrl => new(WebhookHost, $"workflows/5f1a7c2e9b8d4e3f/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={WebhookSecret}");
    public IReadOnlyList<SentMail> Mail => _mail.ToArray();
    public IReadOnlyList<WebhookPost> Posts => _posts.ToArray();

    private void StartWebhook()
    {
        WebhookHost = new Uri($"http://127.0.0.1:{FreePort()}/");
        _webhook.Prefixes.Add(WebhookHost.ToString());
        _webhook.Start();
        _ = Task.Run(() => Serve(_webhook, HandleWebhook));
    }

    private async Task<int?> SendMail(HttpListenerContext context, EmulatedTenant tenant, string path)
    {
        var match = SendMailCall.Match(path);
        if (!match.Success) return null;
        if (context.Request.HttpMethod != "POST") return await Answers.Error(context.Response, 405, "MethodNotAllowed", "sendMail is a POST.").ConfigureAwait(false);
        var mailbox = match.Groups["id"].Value;
        if (!mailbox.EndsWith("@" + tenant.Tenant.Options.Domain, StringComparison.OrdinalIgnoreCase))
            return await Answers.Error(context.Response, 404, "ErrorInvalidUser", "The requested user is invalid.").ConfigureAwait(false);
        var body = await new StreamReader(context.Request.InputStream, Encoding.UTF8).ReadToEndAsync().ConfigureAwait(false);
        if (!IsMail(body)) return await Answers.Error(context.Response, 400, "ErrorInvalidRequest", "The body is not a message with recipients.").ConfigureAwait(false);
        _mail.Enqueue(new SentMail(mailbox, tenant.Id, body));
        context.Response.StatusCode = 202;
        context.Response.Close();
        return 202;
    }

    // Graph reads the action's parameters in any case: the SDK sends "Message" and "SaveToSentItems".
    private static bool IsMail(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var message = json.RootElement.EnumerateObject().FirstOrDefault(p => p.NameEquals("Message") || p.NameEquals("message")).Value;
            return message.ValueKind == JsonValueKind.Object && message.TryGetProperty("toRecipients", out var to) && to.GetArrayLength() > 0;
        }
        catch (JsonException) { return false; }
    }

    private async Task<int> HandleWebhook(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        if (!path.StartsWith("/workflows/", StringComparison.Ordinal)) return await Answers.Error(context.Response, 404, "NotFound", "No such workflow.").ConfigureAwait(false);
        if (request.QueryString["sig"] != WebhookSecret) return await Answers.Error(context.Response, 401, "DirectApiAuthorizationRequired", "The signature is not valid.").ConfigureAwait(false);
        if (request.HttpMethod != "POST") return await Answers.Error(context.Response, 405, "MethodNotAllowed", "POST only.").ConfigureAwait(false);
        var body = await new StreamReader(request.InputStream, Encoding.UTF8).ReadToEndAsync().ConfigureAwait(false);
        _posts.Enqueue(new WebhookPost(request.ContentType, body));
        context.Response.StatusCode = 202;
        context.Response.Close();
        return 202;
    }
}

/// <summary>A message sent through sendMail: the mailbox in the path, the tenant of the token, the JSON body.</summary>
public sealed record SentMail(string Mailbox, Guid TenantId, string Body);

/// <summary>A request the webhook accepted: its content type and body.</summary>
public sealed record WebhookPost(string? ContentType, string Body);
