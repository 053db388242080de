using FastTrack.Core.Text;

namespace FastTrack.Core.Delivery;

/// <summary>A digest mail, ready to send: from, to, subject, the compact HTML body and the full report attached.</summary>
public sealed class DigestMessage
{
    internal DigestMessage(string from, JoinedList<string> to, string subject, string htmlBody, DigestAttachment attachment, int customers)
    {
        From = from;
        To = to;
        Subject = subject;
        HtmlBody = htmlBody;
        Attachment = attachment;
        Customers = customers;
    }

    public string From { get; }
    public JoinedList<string> To { get; }
    public string Subject { get; }
    public string HtmlBody { get; }
    public DigestAttachment Attachment { get; }
    public int Customers { get; }

    public override string ToString() => $"'{Subject}' from {From} to {To} with {Attachment}";
}
