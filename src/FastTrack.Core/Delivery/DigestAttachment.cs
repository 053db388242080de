namespace FastTrack.Core.Delivery;

/// <summary>The report attached to a digest mail: a file name, its MIME type and its bytes.</summary>
public sealed class DigestAttachment
{
    internal DigestAttachment(string name, string contentType, byte[] bytes)
    {
        Name = name;
        ContentType = contentType;
        Bytes = bytes;
    }

    public string Name { get; }
    public string ContentType { get; }
    internal byte[] Bytes { get; }
    public long Length => Bytes.LongLength;
    /// <summary>What Graph counts against its limit: the bytes as base64 in the request.</summary>
    public long EncodedLength => (Bytes.LongLength + 2) / 3 * 4;

    public override string ToString() => $"{Name} ({(Length + 1023) / 1024:N0} KB)";
}
