namespace FastTrack.Core.Usage;

/// <summary>A file of a report folder that was not read, and why.</summary>
public sealed class SkippedFile
{
    public SkippedFile(string path, string why, bool unreadable)
    {
        Path = path;
        Why = why;
        Unreadable = unreadable;
    }

    public string Path { get; }
    public string Why { get; }

    /// <summary>True for a file that may be a report the module could not read (empty, not a regular file,
    /// binary, UTF-16 without a byte order mark): worth a warning, because a service it would have measured
    /// is then measured from another report or not at all. False for a readable file that is simply not one
    /// the module reads (a counts report, other JSON): worth -Verbose only.</summary>
    public bool Unreadable { get; }

    public override string ToString() => $"{System.IO.Path.GetFileName(Path)}: {Why}";
}
