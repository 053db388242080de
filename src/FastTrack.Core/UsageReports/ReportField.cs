namespace FastTrack.Core.UsageReports;

/// <summary>A column of a report that Graph serves as JSON: its CSV header (the admin center's export, and the
/// name the scanner reads it by), its JSON property, and the app whose last activity it holds, if any.</summary>
public sealed class ReportField
{
    public ReportField(string header, string jsonName, string? app = null)
    {
        Header = header;
        JsonName = jsonName;
        App = app;
    }

    /// <summary>"Word Copilot Last Activity Date".</summary>
    public string Header { get; }
    /// <summary>"wordCopilotLastActivityDate".</summary>
    public string JsonName { get; }
    /// <summary>"Word": the per-app breakdown names it so.</summary>
    public string? App { get; }

    public override string ToString() => Header;
}
