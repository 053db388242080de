using System;
using System.IO;
using System.Threading;

namespace FastTrack.Core.Graph;

/// <summary>A response's body as it arrives, the length it announced (null when unknown), and the deadline
/// that covers reading it. Disposing it closes the body and the deadline.</summary>
internal sealed class ResponseBody : IDisposable
{
    public ResponseBody(Stream stream, long? length, CancellationTokenSource deadline)
    {
        Stream = stream;
        Length = length;
        Deadline = deadline;
    }

    public Stream Stream { get; }
    public long? Length { get; }
    public CancellationTokenSource Deadline { get; }

    public void Dispose()
    {
        Stream.Dispose();
        Deadline.Dispose();
    }
}
