using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Core.Graph;
using FastTrack.Core.Text;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;

namespace FastTrack.Core.Delivery;

/// <summary>Sends a digest mail with the Microsoft Graph client of a connection: <c>POST /users/{from}/sendMail</c>,
/// which needs the Mail.Send application permission (app-only) and answers 202. Throttling (429, 503, 504) is
/// retried by the session's <see cref="ThrottlingHandler"/> with Retry-After honoured; the attempts it took are counted.</summary>
public static class MailDelivery
{
    public static DigestDelivery Send(TenantConnection connection, DigestMessage message, Func<DateTimeOffset> clock, CancellationToken cancellationToken = default) =>
        SendAsync(connection, message, clock, cancellationToken).GetAwaiter().GetResult();

    public static async Task<DigestDelivery> SendAsync(TenantConnection connection, DigestMessage message, Func<DateTimeOffset> clock, CancellationToken cancellationToken = default)
    {
        var session = connection.Session as GraphSession ?? throw DeliveryErrors.MailConnectionMissing(message.From).ToException();
        var attempts = new RequestAttemptsOption();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(session.Options.CallTimeout);
        try
        {
            await session.Client.Users[message.From].SendMail.PostAsync(Request(message), c => c.Options.Add(attempts), deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not Errors.FtException)
        {
            throw DeliveryErrors.From(ex, message.From, session.Options.CallTimeout, cancellationToken).ToException();
        }
        return new DigestDelivery(DeliveryChannel.Mail, message.To, message.Subject, clock(), Math.Max(1, attempts.Attempts), message.Customers)
        {
            From = message.From,
            Attachment = message.Attachment.Name,
            AttachmentBytes = message.Attachment.Length,
        };
    }

    internal static SendMailPostRequestBody Request(DigestMessage message) => new()
    {
        Message = new Message
        {
            Subject = message.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = message.HtmlBody },
            ToRecipients = message.To.Select(address => new Recipient { EmailAddress = new EmailAddress { Address = address } }).ToList(),
            Attachments = new List<Attachment>
            {
                new FileAttachment { Name = message.Attachment.Name, ContentType = message.Attachment.ContentType, ContentBytes = message.Attachment.Bytes },
            },
        },
        SaveToSentItems = true,
    };
}
