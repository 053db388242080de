namespace FastTrack.Core.AdoptionReports;

/// <summary>The adoption report as a self-contained page, or as Markdown for a Teams channel or an e-mail.</summary>
public enum ReportFormat
{
    Html,
    Markdown,
}
