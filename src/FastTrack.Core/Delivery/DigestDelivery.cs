using System;
using FastTrack.Core.Text;

namespace FastTrack.Core.Delivery;

/// <summary>One digest sent: where, to whom, what, when, and how many attempts it took (retries after 429 or 5xx).</summary>
public sealed class DigestDelivery
{
    internal DigestDelivery(DeliveryChannel channel, JoinedList<string> recipients, string subject, DateTimeOffset sent, int attempts, int customers)
    {
        Channel = channel;
        Recipients = recipients;
        Subject = subject;
        Sent = sent;
        Attempts = attempts;
        Customers = customers;
    }

    public DeliveryChannel Channel { get; }
    /// <summary>The addresses mailed, or "the Teams webhook at HOST" (never the webhook's URL).</summary>
    public JoinedList<string> Recipients { get; }
    /// <summary>The mail's subject, or the card's title.</summary>
    public string Subject { get; }
    public DateTimeOffset Sent { get; }
    public int Attempts { get; }
    public int Customers { get; }
    /// <summary>The mailbox sent from (Mail only).</summary>
    public string? From { get; internal set; }
    /// <summary>The report attached (Mail only): its file name.</summary>
    public string? Attachment { get; internal set; }
    public long? AttachmentBytes { get; internal set; }

    public override string ToString() => $"{Channel}: {Subject} → {Recipients}";
}
