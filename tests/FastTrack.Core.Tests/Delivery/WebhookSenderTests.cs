using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FastTrack.Core.Delivery;
using FastTrack.Core.Errors;
using FastTrack.Core.Graph;
using FastTrack.Core.Playbook;
using FastTrack.Core.Sample;
using FastTrack.GraphEmulator;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Tests.Delivery;

/// <summary>Issue 20: the card posted to a loopback Teams webhook: as the workflow receives it, 429 and 5xx retried
/// with Retry-After honoured and bounded attempts, other refusals at once; the URL's signature never in an error or a log line.</summary>
public sealed class WebhookSenderTests : IDisposable
{
    private readonly GraphEmulator.GraphEmulator _emulator = new(new SampleTenant(new SampleTenantOptions { Users = 10 }));
    private readonly List<TimeSpan> _waits = new();
    private readonly List<string> _log = new();

    public WebhookSenderTests() => _emulator.Start();

    public void Dispose() => _emulator.Dispose();

    private WebhookSender Sender() => new(new RetryPolicy
    {
        MaxAttempts = 4,
        BaseDelay = TimeSpan.FromSeconds(2),
        MaxDelay = TimeSpan.FromSeconds(30),
        Delay = (wait, _) => { lock (_waits) _waits.Add(wait); return Task.CompletedTask; },
    }, line => { lock (_log) _log.Add(line); });

    private static string Payload() => AdaptiveCard.Payload(DigestBuilder.Build(DigestPlans.All(), PlaybookCatalog.Default, DigestPlans.Now, CultureInfo.GetCultureInfo("en-US")));

    private WebhookAddress Address => WebhookAddress.Parse(_emulator.WebhookUrl.ToString());

    private int Calls => _emulator.Requests.Count(r => r.PathAndQuery.StartsWith("/workflows/"));

    private void AssertNoSecret(FtException? error = null)
    {
        Assert.DoesNotContain(_log, l => l.Contains(_emulator.WebhookSecret) || l.Contains("sig="));
        if (error is null) return;
        Assert.DoesNotContain(_emulator.WebhookSecret, error.ToString());
        Assert.DoesNotContain("/workflows/", error.ToString());
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void The_card_is_posted_as_JSON_once()
    {
        var payload = Payload();
        Assert.Equal(1, Sender().Post(Address, payload));
        var post = Assert.Single(_emulator.Posts);
        Assert.StartsWith("application/json", post.ContentType);
        Assert.True(JToken.DeepEquals(JObject.Parse(payload), JObject.Parse(post.Body)));
    }

    [Fact]
    public void A_429_with_Retry_After_and_a_503_are_retried_and_the_attempts_counted()
    {
        _emulator.Faults.Add("workflows", new StatusFault(429, 3));
        _emulator.Faults.Add("workflows", new StatusFault(503));
        Assert.Equal(3, Sender().Post(Address, Payload()));
        Assert.Single(_emulator.Posts);
        Assert.Equal(TimeSpan.FromSeconds(3), _waits[0]);
        Assert.InRange(_waits[1], TimeSpan.Zero, TimeSpan.FromSeconds(4)); // full jitter up to 2 s × 2
        Assert.Contains(_log, l => l.Contains("429") && l.Contains("retry 1 of 3") && l.Contains("the Teams webhook at 127.0.0.1"));
        AssertNoSecret();
    }

    [Fact]
    public void Server_errors_on_every_attempt_end_after_four_attempts_with_capped_waits()
    {
        _emulator.Faults.Add("workflows", new StatusFault(502), times: 10);
        var error = Assert.Throws<FtException>(() => Sender().Post(Address, Payload()));
        Assert.True(error.Error.Is(nameof(DeliveryErrors.WebhookLimitsExceeded)), error.ToString());
        Assert.Equal(4, Calls);
        Assert.Equal(3, _waits.Count);
        Assert.All(_waits, w => Assert.True(w <= TimeSpan.FromSeconds(30)));
        Assert.Empty(_emulator.Posts);
        AssertNoSecret(error);
    }

    [Theory]
    [InlineData(400, nameof(DeliveryErrors.WebhookRejected))]
    [InlineData(403, nameof(DeliveryErrors.WebhookForbidden))]
    [InlineData(404, nameof(DeliveryErrors.WebhookNotFound))]
    public void Other_client_errors_fail_at_once_naming_the_fix(int status, string errorId)
    {
        _emulator.Faults.Add("workflows", new StatusFault(status));
        var error = Assert.Throws<FtException>(() => Sender().Post(Address, Payload()));
        Assert.True(error.Error.Is(errorId), error.ToString());
        Assert.Equal(1, Calls);
        Assert.Empty(_waits);
        Assert.Contains("127.0.0.1", error.Error.Message);
        AssertNoSecret(error);
    }

    [Fact]
    public void A_wrong_signature_is_refused_as_forbidden_without_quoting_it()
    {
        var wrong = WebhookAddress.Parse(_emulator.WebhookUrl.ToString().Replace(_emulator.WebhookSecret, "WRONGSIG"));
        var error = Assert.Throws<FtException>(() => Sender().Post(wrong, Payload()));
        Assert.True(error.Error.Is(nameof(DeliveryErrors.WebhookForbidden)));
        Assert.DoesNotContain("WRONGSIG", error.ToString());
    }

    [Fact]
    public void A_webhook_that_cannot_be_reached_is_retried_then_named_by_its_host_only()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var address = WebhookAddress.Parse($"http://127.0.0.1:{port}/workflows/x/triggers/manual/paths/invoke?sig=UNREACHABLESECRET");
        var error = Assert.Throws<FtException>(() => Sender().Post(address, Payload()));
        Assert.True(error.Error.Is(nameof(DeliveryErrors.WebhookUnreachable)), error.ToString());
        Assert.Equal(3, _waits.Count);
        Assert.DoesNotContain("UNREACHABLESECRET", error.ToString());
        Assert.DoesNotContain(_log, l => l.Contains("UNREACHABLESECRET"));
        Assert.Null(error.InnerException);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("http://prod-27.westus.logic.azure.com/workflows/x?sig=PLAINHTTPSECRET")]
    [InlineData("ftp://example.com/?sig=FTPSECRET")]
    public void A_URL_that_is_not_https_is_refused_without_quoting_it(string text)
    {
        var error = Assert.Throws<FtException>(() => WebhookAddress.Parse(text));
        Assert.True(error.Error.Is(nameof(DeliveryErrors.WebhookUrlInvalid)));
        Assert.DoesNotContain("SECRET", error.ToString());
        Assert.DoesNotContain("not a url", error.ToString());
    }

    [Fact]
    public void The_address_shows_its_host_only()
    {
        var address = WebhookAddress.Parse("https://prod-27.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SHOWNSECRET");
        Assert.Equal("the Teams webhook at prod-27.westus.logic.azure.com", address.ToString());
        Assert.DoesNotContain(typeof(WebhookAddress).GetProperties(), p => p.GetMethod!.IsPublic && p.PropertyType == typeof(Uri));
    }
}
