namespace FastTrack.Core.AdoptionReports;

/// <summary>The adoption report as a self-contained page, as Markdown for a Teams channel or an e-mail, or as an
/// Excel workbook for analysis and Power BI.</summary>
public enum ReportFormat
{
    Html,
    Markdown,
    Excel,
}
