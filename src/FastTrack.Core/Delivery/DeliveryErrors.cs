using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using FastTrack.Core.Errors;
using FastTrack.Core.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace FastTrack.Core.Delivery;

/// <summary>Every error of sending a digest: one id (the method's name) and one text each. A webhook URL is a
/// secret (its query signs the request): no message names more of it than its host, and no exception carries
/// the HTTP client's own (which could quote it) as its inner exception.</summary>
public static class DeliveryErrors
{
    /// <summary>What the Graph client threw while sending mail, as the error a user can act on.</summary>
    public static FtError From(Exception ex, string mailbox, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested) throw ex;
        if (ex is ApiException api)
        {
            var code = (api as ODataError)?.Error?.Code;
            var detail = code is null ? "" : $" ({SecretText.Redact(code)})";
            switch (api.ResponseStatusCode)
            {
                case 403: return MailSendForbidden(mailbox, detail);
                case 404: return MailboxNotFound(mailbox, detail);
                case 413: return MailTooLarge(mailbox);
                case 429 or 503 or 504: return MailLimitsExceeded(mailbox, api.ResponseStatusCode);
                case 400: return MailRejected(mailbox, detail);
            }
        }
        return GraphErrors.From(ex, $"the mail from {mailbox}", "Mail.Send", timeout, cancellationToken);
    }

    public static FtError MailSendForbidden(string mailbox, string detail) => new(nameof(MailSendForbidden), FtErrorKind.PermissionDenied, mailbox,
        $"Microsoft Graph denied sending mail as {mailbox}{detail}. Grant the app of the connection the Mail.Send application permission " +
        "with admin consent; if an application access policy (New-ApplicationAccessPolicy) or RBAC for Applications limits the mailboxes " +
        $"it may use, add {mailbox} to that scope.");

    public static FtError MailboxNotFound(string mailbox, string detail) => new(nameof(MailboxNotFound), FtErrorKind.ObjectNotFound, mailbox,
        $"Microsoft Graph found no mailbox {mailbox}{detail} in the connected tenant. -From must be a user or shared mailbox (with Exchange Online) " +
        "of the tenant of the connection; check -From and -Connection.");

    public static FtError MailTooLarge(string mailbox) => new(nameof(MailTooLarge), FtErrorKind.LimitsExceeded, mailbox,
        $"Microsoft Graph refused the mail from {mailbox} as too large (413). Send fewer customers at once.");

    public static FtError MailLimitsExceeded(string mailbox, int status) => new(nameof(MailLimitsExceeded), FtErrorKind.LimitsExceeded, mailbox,
        $"Microsoft Graph kept refusing the mail from {mailbox} ({status}) after every retry (Exchange Online allows 30 messages a minute per mailbox): try again later.");

    public static FtError MailRejected(string mailbox, string detail) => new(nameof(MailRejected), FtErrorKind.InvalidData, mailbox,
        $"Microsoft Graph refused the mail from {mailbox} as invalid (400){detail}; check the addresses of -From and -To.");

    public static FtError AttachmentTooLarge(string name, long bytes, long limit) => new(nameof(AttachmentTooLarge), FtErrorKind.LimitsExceeded, name,
        $"The report '{name}' is {bytes / 1024:N0} KB once encoded, over the {limit / 1048576.0:0.##} MB Microsoft Graph takes inline with a message, " +
        "and so is its Excel workbook. Send fewer customers at once (Get-FtPortfolio -AtRisk), or write the report with Export-FtAdoptionReport and share it.");

    public static FtError NoPlanToSend() => new(nameof(NoPlanToSend), FtErrorKind.ObjectNotFound, null,
        "No plan could be read, so no digest was sent. Check the errors above, -Workspace, -TenantId or the plans piped in.");

    public static FtError NoRecipients(string? customer) => new(nameof(NoRecipients), FtErrorKind.InvalidArgument, customer,
        customer is null
            ? "A portfolio digest goes to the partner team: give its addresses with -To (or -PerCustomer to mail each customer's plan contacts)."
            : $"The plan of {customer} has no contact with an e-mail address (CSM, FastTrack Manager): give -To, or set one with Set-FtCustomerPlan -CsmEmail.");

    public static FtError RecipientInvalid(string address) => new(nameof(RecipientInvalid), FtErrorKind.InvalidArgument, address,
        $"'{address}' is not an e-mail address.");

    public static FtError MailConnectionMissing(string mailbox) => new(nameof(MailConnectionMissing), FtErrorKind.ObjectNotFound, mailbox,
        $"No live tenant is connected to send mail from {mailbox}. Connect the partner's own tenant (the one that holds the mailbox) with " +
        "Connect-FtTenant, with an app that has the Mail.Send application permission (the sample tenant cannot send mail).");

    public static FtError MailConnectionAmbiguous(string mailbox, IReadOnlyList<TenantConnection> live) => new(nameof(MailConnectionAmbiguous), FtErrorKind.InvalidArgument, mailbox,
        $"{live.Count} tenants are connected and none has {mailbox}'s domain as its default domain; name the one that holds the mailbox with -Connection " +
        $"(connected: {string.Join(", ", live.Select(c => c.ToString()))}).");

    public static FtError MailConnectionNotFound(string name, IReadOnlyList<TenantConnection> connected) => new(nameof(MailConnectionNotFound), FtErrorKind.ObjectNotFound, name,
        $"No live connection is named '{name}' (by tenant id, default domain or display name; connected: " +
        $"{(connected.Count == 0 ? "none" : string.Join(", ", connected.Select(c => c.ToString())))}). Connect it with Connect-FtTenant.");

    public static FtError WebhookUrlInvalid() => new(nameof(WebhookUrlInvalid), FtErrorKind.InvalidArgument, "WebhookUrl",
        "-WebhookUrl is not an https URL. Copy the URL from the Teams workflow's trigger (\"When a Teams webhook request is received\").");

    public static FtError WebhookForbidden(string host, int status) => new(nameof(WebhookForbidden), FtErrorKind.PermissionDenied, host,
        $"The Teams webhook at {host} refused the card ({status}): its URL's signature is no longer valid, or the flow accepts only users of " +
        "your organisation. Set the trigger's \"Who can trigger the flow\" to Anyone, and copy its URL again.");

    public static FtError WebhookNotFound(string host) => new(nameof(WebhookNotFound), FtErrorKind.ObjectNotFound, host,
        $"The Teams webhook at {host} does not exist (404): the workflow was deleted or turned off. Turn it on, or create one with the " +
        "\"Post to a channel when a webhook request is received\" template and give its URL.");

    public static FtError WebhookRejected(string host, int status) => new(nameof(WebhookRejected), FtErrorKind.InvalidData, host,
        $"The Teams webhook at {host} refused the card ({status}). Check that the workflow's action posts the request's attachments as a card " +
        "(\"Post card in a chat or channel\").");

    public static FtError WebhookLimitsExceeded(string host, int status, int attempts) => new(nameof(WebhookLimitsExceeded), FtErrorKind.LimitsExceeded, host,
        $"The Teams webhook at {host} kept answering {status} after {attempts} attempts: try again later.");

    public static FtError WebhookUnreachable(string host, string cause) => new(nameof(WebhookUnreachable), FtErrorKind.ConnectionError, host,
        $"The Teams webhook at {host} could not be reached ({cause}), also after retries. Check the network, proxy and firewall.");

    public static FtError WebhookTimeout(string host, TimeSpan timeout) => new(nameof(WebhookTimeout), FtErrorKind.OperationTimeout, host,
        $"The Teams webhook at {host} did not answer within {timeout.TotalSeconds:0} s.");

    /// <summary>The connection failure's kind, never its message (which may quote the URL).</summary>
    internal static string Cause(Exception ex)
    {
        var root = ex;
        while (root.InnerException is { } inner) root = inner;
        return root is System.Net.Sockets.SocketException socket ? socket.SocketErrorCode.ToString() : root.GetType().Name;
    }

    internal static bool IsConnectionFailure(Exception ex) => ex is HttpRequestException || ex is System.IO.IOException;
}
