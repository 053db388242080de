namespace FastTrack.Core.Playbook;

/// <summary>The Microsoft 365 services the playbook drives adoption of.</summary>
/// <remarks>Names are stable identifiers used in plan files and on the command line; display names
/// (and aliases such as VivaEngage or OfficeProPlus) come from the catalogue.</remarks>
public enum M365Service
{
    Teams,
    Yammer,
    OutlookMobile,
    OneDrive,
    Microsoft365Apps,
    Exchange,
    SharePoint,
    /// <summary>Not in the 2020 page: measured like the others (issue 20) from Graph's Microsoft 365 Copilot usage report.</summary>
    Microsoft365Copilot,
}
