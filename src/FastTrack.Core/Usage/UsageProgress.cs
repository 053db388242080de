namespace FastTrack.Core.Usage;

/// <summary>How far the reading of a report has come, for a progress bar.</summary>
public sealed class UsageProgress
{
    public UsageProgress(string report, long bytesRead, long? totalBytes)
    {
        Report = report;
        BytesRead = bytesRead;
        TotalBytes = totalBytes;
    }

    public string Report { get; }
    public long BytesRead { get; }
    public long? TotalBytes { get; }
    public int? Percent => TotalBytes is > 0 ? (int)(BytesRead * 100 / TotalBytes.Value) : null;
}
