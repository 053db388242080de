using System.Management.Automation;
using System.Text;
using System.Text.Json;

namespace FastTrack.PowerShell.Tests;

/// <summary>The partner's own tenant in a Graph emulator of its own process, with its loopback Teams webhook.</summary>
public sealed class PartnerTenant : IDisposable
{
    public EmulatorProcess Graph { get; } = new(Guid.Parse("5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"), "Partner", "partner.example", "token-partner-" + Guid.NewGuid().ToString("N"), users: 20);

    public void Dispose() => Graph.Dispose();
}

/// <summary>Issue 20: Send-FtAdoptionDigest in the real engine: the digest mailed through the module's Graph client
/// to the emulator's sendMail with the report attached, throttling retried, refusals as errors that name the fix;
/// the card posted to a loopback Teams webhook; -WhatIf sends nothing and says what and to whom; the webhook URL in
/// no stream, error or file.</summary>
public sealed class DigestCmdletTests : IClassFixture<ModuleSession>, IClassFixture<PartnerTenant>, IDisposable
{
    private const string Contoso = "6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11";
    private const string Fabrikam = "3e0fa563-b68f-42de-b828-2d29d91b3ecf";
    private const string FromMailbox = "adoption@partner.example";
    private readonly ModuleSession _session;
    private readonly EmulatorProcess _graph;
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));
    private readonly int _mailBefore;
    private readonly int _postsBefore;

    public DigestCmdletTests(ModuleSession session, PartnerTenant partner)
    {
        _session = session;
        _graph = partner.Graph;
        _mailBefore = _graph.Mail().Count;
        _postsBefore = _graph.Posts().Count;
        Run($"New-FtCustomerPlan -TenantId {Contoso} -Customer Contoso -CsmName 'Avery Smith' -CsmEmail avery@contoso.example -IntendedService Teams -Workspace $args[0] | Out-Null; " +
            $"Set-FtCustomerPlan -TenantId {Contoso} -Service Teams -EnabledOn 2026-09-01 -CommunicatedOn 2026-09-10 -Workspace $args[0]; " +
            $"Add-FtBlocker -TenantId {Contoso} -Description 'Proxy blocks Teams' -Opened ([datetime]::Today.AddDays(-21)) -Workspace $args[0]; " +
            $"New-FtCustomerPlan -TenantId {Fabrikam} -Customer Fabrikam -Workspace $args[0] | Out-Null; " +
            "Connect-FtTenant -AccessToken $args[1] -GraphEndpoint $args[2]", _graph.SecureToken, _graph.BaseAddress).AssertNoErrors();
    }

    public void Dispose()
    {
        Run($"Disconnect-FtTenant -TenantId {_graph.TenantId} -ErrorAction SilentlyContinue");
        try { Directory.Delete(_workspace, true); } catch (IOException) { }
    }

    private ScriptResult Run(string script, params object[] more) => _session.Run(script, new object[] { _workspace }.Concat(more).ToArray());

    private IReadOnlyList<JsonElement> NewMail() => _graph.Mail().Skip(_mailBefore).ToList();

    private IReadOnlyList<JsonElement> NewPosts() => _graph.Posts().Skip(_postsBefore).ToList();

    private static JsonElement Message(JsonElement mail)
    {
        using var body = JsonDocument.Parse(mail.GetProperty("Body").GetString()!);
        // The SDK sends the action's parameters as Graph's metadata names them ("Message").
        return body.RootElement.EnumerateObject().Single(p => p.Name.Equals("message", StringComparison.OrdinalIgnoreCase)).Value.Clone();
    }

    [Fact]
    public void The_portfolio_digest_is_mailed_from_the_mailbox_with_the_HTML_report_attached()
    {
        var result = Run($"Send-FtAdoptionDigest -From {FromMailbox} -To team@partner.example -Connection partner.example -Workspace $args[0]");
        result.AssertNoErrors();
        var sent = result.Single();
        Assert.Equal("Mail", sent.Str("Channel"));
        Assert.Equal("team@partner.example", sent.Str("Recipients"));
        Assert.Equal("Adoption digest — 2 customers", sent.Str("Subject"));
        Assert.Equal(1, sent.Prop("Attempts"));
        Assert.Equal(2, sent.Prop("Customers"));
        Assert.Matches(@"^adoption-portfolio-\d{4}-\d\d-\d\d\.html$", sent.Str("Attachment"));

        var mail = Assert.Single(NewMail());
        Assert.Equal(FromMailbox, mail.GetProperty("Mailbox").GetString());
        var message = Message(mail);
        Assert.Equal("Adoption digest — 2 customers", message.GetProperty("subject").GetString());
        Assert.Equal("team@partner.example", message.GetProperty("toRecipients")[0].GetProperty("emailAddress").GetProperty("address").GetString());
        Assert.Contains("Proxy blocks Teams", message.GetProperty("body").GetProperty("content").GetString());
        var attachment = message.GetProperty("attachments")[0];
        Assert.Equal("#microsoft.graph.fileAttachment", attachment.GetProperty("@odata.type").GetString());
        Assert.Equal(sent.Str("Attachment"), attachment.GetProperty("name").GetString());
        var page = Encoding.UTF8.GetString(attachment.GetProperty("contentBytes").GetBytesFromBase64());
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("Contoso", page);
        Assert.Contains("Fabrikam", page);
        Assert.Equal(Encoding.UTF8.GetByteCount(page), Convert.ToInt64(sent.Prop("AttachmentBytes")));
    }

    [Fact]
    public void Each_customer_goes_to_its_plan_contacts_and_throttling_is_retried_with_Retry_After()
    {
        _graph.AddFault("sendMail|status|429:1|2");
        var result = Run($"Get-FtPortfolio -TenantId {Contoso} -Workspace $args[0] | Send-FtAdoptionDigest -From {FromMailbox} -PerCustomer -Workspace $args[0] -Verbose");
        result.AssertNoErrors();
        var sent = result.Single();
        Assert.Equal("avery@contoso.example", sent.Str("Recipients"));
        Assert.Equal("Adoption digest — Contoso", sent.Str("Subject"));
        Assert.Equal(3, sent.Prop("Attempts"));
        Assert.Contains(result.Verbose, v => v.Contains("sendMail") && v.Contains("429") && v.Contains("(Retry-After)"));
        Assert.Contains(result.Verbose, v => v.StartsWith("Sending 'Adoption digest — Contoso' from adoption@partner.example to avery@contoso.example with adoption-report-contoso-"));
        Assert.Matches(@"^adoption-report-contoso-\d{4}-\d\d-\d\d\.html$", Message(Assert.Single(NewMail())).GetProperty("attachments")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void A_403_is_an_error_that_names_Mail_Send_and_a_customer_without_contacts_one_that_names_To()
    {
        _graph.AddFault("sendMail|status|403|1");
        var denied = Assert.Single(Run($"Send-FtAdoptionDigest -TenantId {Contoso} -From {FromMailbox} -Workspace $args[0]").Errors);
        Assert.Equal("MailSendForbidden,FastTrack.PowerShell.Delivery.SendFtAdoptionDigestCommand", denied.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, denied.CategoryInfo.Category);
        Assert.Contains("Mail.Send application permission", denied.Exception.Message);
        Assert.Equal(FromMailbox, denied.TargetObject);

        var none = Assert.Single(Run($"Send-FtAdoptionDigest -TenantId {Fabrikam} -From {FromMailbox} -Workspace $args[0]").Errors);
        Assert.Equal("NoRecipients,FastTrack.PowerShell.Delivery.SendFtAdoptionDigestCommand", none.FullyQualifiedErrorId);
        Assert.Contains("-To", none.Exception.Message);
        Assert.Empty(NewMail());
    }

    [Fact]
    public void The_card_is_posted_to_the_Teams_webhook()
    {
        var result = Run("Send-FtAdoptionDigest -WebhookUrl $args[1] -Workspace $args[0]", EmulatorProcess.Secure(_graph.WebhookUrl));
        result.AssertNoErrors();
        var sent = result.Single();
        Assert.Equal("Teams", sent.Str("Channel"));
        Assert.Equal("the Teams webhook at 127.0.0.1", sent.Str("Recipients"));
        Assert.Equal(1, sent.Prop("Attempts"));
        var post = Assert.Single(NewPosts());
        using var payload = JsonDocument.Parse(post.GetProperty("Body").GetString()!);
        Assert.Equal("message", payload.RootElement.GetProperty("type").GetString());
        var attachment = payload.RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal("AdaptiveCard", attachment.GetProperty("content").GetProperty("type").GetString());
        Assert.Contains("Proxy blocks Teams", attachment.GetProperty("content").GetRawText());
    }

    [Fact]
    public void WhatIf_sends_nothing_and_says_what_would_go_to_whom()
    {
        _session.Host.Clear();
        var result = Run($"Send-FtAdoptionDigest -From {FromMailbox} -To team@partner.example, lead@partner.example -Workspace $args[0] -WhatIf; " +
                         "Send-FtAdoptionDigest -WebhookUrl $args[1] -Workspace $args[0] -WhatIf", _graph.WebhookUrl);
        result.AssertNoErrors();
        Assert.Empty(result.Output);
        Assert.Empty(NewMail());
        Assert.Empty(NewPosts());
        var text = System.Text.RegularExpressions.Regex.Replace(_session.Host.Text, @"\s+", " ");
        Assert.Contains("What if: Performing the operation \"Send 'Adoption digest — 2 customers' from adoption@partner.example with adoption-portfolio-", text);
        Assert.Contains("through Partner (AccessToken, 127.0.0.1)\" on target \"team@partner.example, lead@partner.example\"", text);
        Assert.Matches(@"\.html \(\d+ KB\)", text);
        Assert.Contains("Post the card 'Adoption digest — 2 customers' (1 risks, 0 AU moves, 0 actions due;", text);
        Assert.Contains("on target \"the Teams webhook at 127.0.0.1\"", text);
        Assert.DoesNotContain("/workflows/", text);
    }

    [Fact]
    public void The_webhook_URL_is_in_no_output_stream_error_or_file_even_given_as_a_plain_string()
    {
        var url = _graph.WebhookUrl;
        var secret = new Uri(url).Query;
        _graph.AddFault("workflows|status|429:1|1");
        _graph.AddFault("workflows|status|400|1");
        _session.Host.Clear();
        var failed = Run("Send-FtAdoptionDigest -WebhookUrl $args[1] -Workspace $args[0] -Verbose -Debug -ErrorVariable ev -Confirm:$false; $ev", url);
        var rejected = Assert.Single(failed.Errors);
        Assert.Equal("WebhookRejected,FastTrack.PowerShell.Delivery.SendFtAdoptionDigestCommand", rejected.FullyQualifiedErrorId);
        Assert.Equal("127.0.0.1", rejected.TargetObject);
        var ok = Run("Send-FtAdoptionDigest -WebhookUrl $args[1] -Workspace $args[0] -Verbose | ForEach-Object { foreach ($p in $_.PSObject.Properties) { \"$($p.Name)=$($p.Value)\" } }; " +
                     "Send-FtAdoptionDigest -WebhookUrl 'https://bad host/x?sig=ALSOSECRET' -Workspace $args[0]", url);
        Assert.Contains(ok.Output, o => o.ToString() == "Channel=Teams");
        var invalid = Assert.Single(ok.Errors);
        Assert.Equal("WebhookUrlInvalid,FastTrack.PowerShell.Delivery.SendFtAdoptionDigestCommand", invalid.FullyQualifiedErrorId);

        var texts = new List<string> { _session.Host.Text };
        foreach (var result in new[] { failed, ok })
        {
            texts.AddRange(result.Verbose);
            texts.AddRange(result.Warnings);
            texts.AddRange(result.Output.Select(o => o.ToString()));
            foreach (var error in result.Errors)
            {
                texts.Add(error.ToString());
                texts.Add(error.Exception.ToString());
                texts.Add(error.TargetObject?.ToString() ?? "");
                texts.Add(error.ErrorDetails?.Message ?? "");
            }
        }
        Assert.Contains(failed.Verbose, v => v.Contains("429") && v.Contains("the Teams webhook at 127.0.0.1"));
        Assert.All(texts, t => Assert.DoesNotContain(secret.TrimStart('?'), t));
        Assert.All(texts, t => Assert.DoesNotContain("sig=", t));
        Assert.All(texts, t => Assert.DoesNotContain("ALSOSECRET", t));
        foreach (var file in Directory.EnumerateFiles(_workspace, "*", SearchOption.AllDirectories))
            Assert.DoesNotContain("sig=", File.ReadAllText(file));
        Assert.Single(NewPosts());
    }
}
