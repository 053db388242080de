using Microsoft.Kiota.Abstractions;

namespace FastTrack.Core.Graph;

/// <summary>Asks <see cref="ThrottlingHandler"/> to count a call's attempts: a sent digest says how many it took.</summary>
internal sealed class RequestAttemptsOption : IRequestOption
{
    public int Attempts { get; set; }
}
