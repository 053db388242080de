using System.Globalization;
using System.Security;
using System.Text;
using FastTrack.Core.AdoptionReports;
using FastTrack.Core.Connections;
using FastTrack.Core.Delivery;
using FastTrack.Core.Errors;
using FastTrack.Core.Graph;
using FastTrack.Core.Playbook;
using FastTrack.Core.Sample;
using FastTrack.GraphEmulator;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Tests.Delivery;

/// <summary>Issue 20: the digest mail through the real Microsoft Graph client (sendMail) against the loopback
/// emulator: the message and its attachment as recorded, throttling retried by the session's handler with the
/// body sent again, and each refusal as the error that names its fix.</summary>
public sealed class MailDeliveryTests : IDisposable
{
    private const string Token = "mail-token";
    private const string From = "pmo@contoso.com";
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private readonly GraphEmulator.GraphEmulator _graph = new(new SampleTenant(new SampleTenantOptions { LastDay = new DateTime(2026, 11, 22), Users = 50 }));
    private readonly List<TimeSpan> _waits = new();
    private readonly List<string> _log = new();

    public MailDeliveryTests()
    {
        _graph.AcceptedTokens.Add(Token);
        _graph.Start();
    }

    public void Dispose() => _graph.Dispose();

    private TenantConnection Connect(int attempts = 4) => TenantConnector.Connect(
        new ConnectionRequest { Method = ConnectionMethod.AccessToken, AccessToken = Secure(Token), GraphEndpoint = _graph.BaseAddress },
        new GraphOptions
        {
            Retry = new RetryPolicy
            {
                MaxAttempts = attempts,
                Delay = (wait, _) => { lock (_waits) _waits.Add(wait); return Task.CompletedTask; },
            },
            Log = line => { lock (_log) _log.Add(line); },
        });

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        return secure;
    }

    private static DigestMessage Message(string from = From)
    {
        var plans = DigestPlans.All();
        return DigestMail.Compose(DigestBuilder.Build(plans, PlaybookCatalog.Default, DigestPlans.Now, English),
            AdoptionReport.For(plans, PlaybookCatalog.Default, DigestPlans.Now, English), from, new[] { "team@partner.example", "lead@partner.example" });
    }

    private int SendMailCalls => _graph.Requests.Count(r => r.PathAndQuery.Contains("/sendMail"));

    [Fact]
    public void The_digest_is_posted_to_sendMail_of_the_mailbox_with_the_HTML_body_and_the_report_attached()
    {
        using var connection = Connect();
        var message = Message();
        var sent = MailDelivery.Send(connection, message, () => DigestPlans.Now);

        var mail = Assert.Single(_graph.Mail);
        Assert.Equal(From, mail.Mailbox);
        // The SDK names the action's parameters as Graph's metadata does ("Message"); Graph reads them in any case.
        var body = JObject.Parse(mail.Body);
        Assert.True((bool)body.GetValue("saveToSentItems", StringComparison.OrdinalIgnoreCase)!);
        var sentMessage = body.GetValue("message", StringComparison.OrdinalIgnoreCase)!;
        Assert.Equal("Adoption digest — 3 customers", (string?)sentMessage["subject"]);
        Assert.Equal("html", (string?)sentMessage["body"]!["contentType"]);
        Assert.Equal(message.HtmlBody, (string?)sentMessage["body"]!["content"]);
        Assert.Equal(new[] { "team@partner.example", "lead@partner.example" }, sentMessage["toRecipients"]!.Select(r => (string?)r["emailAddress"]!["address"]));
        var attachment = Assert.Single((JArray)sentMessage["attachments"]!);
        Assert.Equal("#microsoft.graph.fileAttachment", (string?)attachment["@odata.type"]);
        Assert.Equal("adoption-portfolio-2026-11-24.html", (string?)attachment["name"]);
        Assert.Equal("text/html", (string?)attachment["contentType"]);
        Assert.StartsWith("<!DOCTYPE html>", Encoding.UTF8.GetString(Convert.FromBase64String((string)attachment["contentBytes"]!)));

        Assert.Equal(DeliveryChannel.Mail, sent.Channel);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal(From, sent.From);
        Assert.Equal(message.Attachment.Length, sent.AttachmentBytes);
        Assert.Equal("team@partner.example, lead@partner.example", sent.Recipients.ToString());
    }

    [Fact]
    public void Throttling_is_retried_by_the_sessions_handler_honouring_Retry_After_and_the_body_is_sent_whole_again()
    {
        _graph.Faults.Add("sendMail", new StatusFault(429, 7), times: 2);
        using var connection = Connect();
        var sent = MailDelivery.Send(connection, Message(), () => DigestPlans.Now);
        Assert.Equal(3, sent.Attempts);
        Assert.Equal(3, SendMailCalls);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7) }, _waits);
        Assert.Contains(_log, l => l.Contains("sendMail") && l.Contains("429") && l.Contains("(Retry-After)"));
        Assert.Equal("Adoption digest — 3 customers", (string?)JObject.Parse(Assert.Single(_graph.Mail).Body).GetValue("message", StringComparison.OrdinalIgnoreCase)!["subject"]);
    }

    [Fact]
    public void A_503_on_every_attempt_ends_in_MailLimitsExceeded_after_the_bounded_attempts()
    {
        _graph.Faults.Add("sendMail", new StatusFault(503), times: 10);
        using var connection = Connect(attempts: 4);
        var error = Assert.Throws<FtException>(() => MailDelivery.Send(connection, Message(), () => DigestPlans.Now)).Error;
        Assert.True(error.Is(nameof(DeliveryErrors.MailLimitsExceeded)), error.ToString());
        Assert.Equal(4, SendMailCalls);
        Assert.Empty(_graph.Mail);
    }

    [Fact]
    public void A_403_fails_at_once_naming_Mail_Send_and_the_application_access_policy()
    {
        _graph.Faults.Add("sendMail", new StatusFault(403, Code: "ErrorAccessDenied"));
        using var connection = Connect();
        var error = Assert.Throws<FtException>(() => MailDelivery.Send(connection, Message(), () => DigestPlans.Now)).Error;
        Assert.True(error.Is(nameof(DeliveryErrors.MailSendForbidden)), error.ToString());
        Assert.Equal(FtErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("Mail.Send application permission", error.Message);
        Assert.Contains("application access policy", error.Message);
        Assert.Equal(1, SendMailCalls);
    }

    [Fact]
    public void A_mailbox_Graph_does_not_know_is_MailboxNotFound()
    {
        using var connection = Connect();
        var error = Assert.Throws<FtException>(() => MailDelivery.Send(connection, Message("nobody@elsewhere.example"), () => DigestPlans.Now)).Error;
        Assert.True(error.Is(nameof(DeliveryErrors.MailboxNotFound)), error.ToString());
        Assert.Contains("nobody@elsewhere.example", error.Message);
        Assert.Contains("-From", error.Message);
    }

    [Fact]
    public void The_mailbox_connection_is_the_named_one_else_the_one_of_its_domain_else_the_only_live_one()
    {
        var registry = new ConnectionRegistry();
        Assert.True(Assert.Throws<FtException>(() => MailConnection.Choose(registry, null, From)).Error.Is(nameof(DeliveryErrors.MailConnectionMissing)));
        registry.Add(TenantConnector.Connect(new ConnectionRequest { Method = ConnectionMethod.Sample }));
        Assert.True(Assert.Throws<FtException>(() => MailConnection.Choose(registry, null, From)).Error.Is(nameof(DeliveryErrors.MailConnectionMissing)));
        var partner = Connect();
        registry.Add(partner);
        Assert.Same(partner, MailConnection.Choose(registry, null, "pmo@partner.example"));
        var other = new TenantConnection(Guid.NewGuid(), ConnectionMethod.AccessToken, GraphCloud.Global, _graph.BaseAddress, null, () => DigestPlans.Now) { DefaultDomain = "other.example", DisplayName = "Other" };
        registry.Add(other);
        Assert.Same(partner, MailConnection.Choose(registry, null, From));
        Assert.True(Assert.Throws<FtException>(() => MailConnection.Choose(registry, null, "pmo@partner.example")).Error.Is(nameof(DeliveryErrors.MailConnectionAmbiguous)));
        Assert.Same(other, MailConnection.Choose(registry, "OTHER.example", "pmo@partner.example"));
        Assert.Same(partner, MailConnection.Choose(registry, partner.TenantId.ToString(), "pmo@partner.example"));
        Assert.True(Assert.Throws<FtException>(() => MailConnection.Choose(registry, "nope", From)).Error.Is(nameof(DeliveryErrors.MailConnectionNotFound)));
    }
}
