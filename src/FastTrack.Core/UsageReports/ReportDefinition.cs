using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.UsageReports;

/// <summary>What the engine needs from one report: the columns it reads (by header name, never by
/// position), the columns that tell it apart from the other reports, and the services it measures.</summary>
public sealed class ReportDefinition
{
    public const string RefreshDate = "Report Refresh Date";
    public const string UserPrincipalName = "User Principal Name";
    public const string LastActivityDate = "Last Activity Date";
    public const string IsDeleted = "Is Deleted";

    private ReportDefinition(ReportKind kind, string adminCenterName, string[] signature, string[] required, M365Service[] services, string[]? absent = null,
        ReportField[]? jsonFields = null)
    {
        Kind = kind;
        JsonFields = jsonFields ?? new ReportField[0];
        AdminCenterName = adminCenterName;
        Absent = absent ?? new string[0];
        Signature = signature;
        Required = required;
        Services = services;
    }

    public ReportKind Kind { get; }
    /// <summary>The report's name in the Microsoft 365 admin center (Reports > Usage), where most exports come from.</summary>
    public string AdminCenterName { get; }
    /// <summary>Columns only this report has: how a CSV in a folder is recognised whatever its file name.</summary>
    public IReadOnlyList<string> Signature { get; }
    /// <summary>Columns this report does not have but a look-alike does (SharePoint's has OneDrive's and more).</summary>
    public IReadOnlyList<string> Absent { get; }
    /// <summary>Columns the engine reads; a missing one is an error naming the file and the column.</summary>
    public IReadOnlyList<string> Required { get; }
    /// <summary>Services whose active users this report counts (the first report listed for a service wins).</summary>
    public IReadOnlyList<M365Service> Services { get; }
    public string GraphFunction => "get" + Kind;
    /// <summary>For a report Graph serves as JSON pages: the fields read from each item, with their CSV headers; empty
    /// for the reports served as CSV.</summary>
    public IReadOnlyList<ReportField> JsonFields { get; }
    /// <summary>Graph serves it as JSON (paged with @odata.nextLink), not as a CSV download.</summary>
    public bool IsJson => JsonFields.Count > 0;
    /// <summary>The columns holding each app's last activity: the per-app breakdown.</summary>
    public IEnumerable<ReportField> AppFields => JsonFields.Where(f => f.App is not null);

    public static IReadOnlyList<ReportDefinition> All { get; } = new[]
    {
        new ReportDefinition(ReportKind.TeamsUserActivityUserDetail, "Microsoft Teams user activity", new[] { "Team Chat Message Count", "Private Chat Message Count" },
            new[] { RefreshDate, UserPrincipalName, LastActivityDate, IsDeleted }, new[] { M365Service.Teams }),
        new ReportDefinition(ReportKind.YammerActivityUserDetail, "Viva Engage (Yammer) activity", new[] { "Posted Count", "Liked Count" },
            new[] { RefreshDate, UserPrincipalName, LastActivityDate, "User State" }, new[] { M365Service.Yammer }),
        new ReportDefinition(ReportKind.EmailAppUsageUserDetail, "Email apps usage", new[] { "Outlook For Mobile", "Mail For Mac" },
            new[] { RefreshDate, UserPrincipalName, LastActivityDate, IsDeleted, "Outlook For Mobile" }, new[] { M365Service.OutlookMobile }),
        new ReportDefinition(ReportKind.OneDriveActivityUserDetail, "OneDrive activity", new[] { "Synced File Count", "Viewed Or Edited File Count" },
            new[] { RefreshDate, UserPrincipalName, LastActivityDate, IsDeleted }, new[] { M365Service.OneDrive }, absent: new[] { "Visited Page Count" }),
        new ReportDefinition(ReportKind.SharePointActivityUserDetail, "SharePoint activity", new[] { "Visited Page Count" },
            new[] { RefreshDate, UserPrincipalName, LastActivityDate, IsDeleted }, new[] { M365Service.SharePoint }),
        new ReportDefinition(ReportKind.EmailActivityUserDetail, "Email activity", new[] { "Send Count", "Receive Count" },
            new[] { RefreshDate, UserPrincipalName, LastActivityDate, IsDeleted }, new[] { M365Service.Exchange }),
        new ReportDefinition(ReportKind.M365AppUserDetail, "Microsoft 365 Apps usage", new[] { "Last Activation Date", "Outlook (Windows)" },
            new[] { RefreshDate, UserPrincipalName, LastActivityDate }, new[] { M365Service.Microsoft365Apps }),
        new ReportDefinition(ReportKind.Office365ActivationsUserDetail, "Microsoft 365 activations", new[] { "Product Type", "Activated On Shared Computer" },
            new[] { RefreshDate, UserPrincipalName, "Product Type" }, new M365Service[0]),
        new ReportDefinition(ReportKind.Office365ActiveUserDetail, "Active users (Microsoft 365 Services)", new[] { "Has Exchange License", "Teams Last Activity Date" },
            new[] { RefreshDate, UserPrincipalName, IsDeleted }, new[] { M365Service.Exchange, M365Service.OneDrive, M365Service.SharePoint, M365Service.Yammer, M365Service.Teams }),
        // Licensed users only, no deleted ones: the report lists the users enabled for Microsoft 365 Copilot apps.
        new ReportDefinition(ReportKind.Microsoft365CopilotUsageUserDetail, "Microsoft 365 Copilot usage", new[] { "Copilot Chat Last Activity Date", "Microsoft Teams Copilot Last Activity Date" },
            new[] { RefreshDate, UserPrincipalName, LastActivityDate }, new[] { M365Service.Microsoft365Copilot }, jsonFields: CopilotFields),
    };

    // The documented columns (Graph's CSV headers and JSON names; TestData/graph/getMicrosoft365CopilotUsageUserDetail.*).
    private static ReportField[] CopilotFields => new[]
    {
        new ReportField(RefreshDate, "reportRefreshDate"),
        new ReportField("Report Period", "reportPeriod"),
        new ReportField(UserPrincipalName, "userPrincipalName"),
        new ReportField("Display Name", "displayName"),
        new ReportField(LastActivityDate, "lastActivityDate"),
        new ReportField("Microsoft Teams Copilot Last Activity Date", "microsoftTeamsCopilotLastActivityDate", "Teams"),
        new ReportField("Word Copilot Last Activity Date", "wordCopilotLastActivityDate", "Word"),
        new ReportField("Excel Copilot Last Activity Date", "excelCopilotLastActivityDate", "Excel"),
        new ReportField("PowerPoint Copilot Last Activity Date", "powerPointCopilotLastActivityDate", "PowerPoint"),
        new ReportField("Outlook Copilot Last Activity Date", "outlookCopilotLastActivityDate", "Outlook"),
        new ReportField("OneNote Copilot Last Activity Date", "oneNoteCopilotLastActivityDate", "OneNote"),
        new ReportField("Loop Copilot Last Activity Date", "loopCopilotLastActivityDate", "Loop"),
        new ReportField("Copilot Chat Last Activity Date", "copilotChatLastActivityDate", "Copilot Chat"),
    };

    /// <summary>Every report read, as a person finds it: "Microsoft Teams user activity (getTeamsUserActivityUserDetail), ...".</summary>
    public static string Catalogue => string.Join(", ", All.Select(d => $"{d.AdminCenterName} ({d.GraphFunction})"));

    public static ReportDefinition For(ReportKind kind) => All.First(d => d.Kind == kind);

    /// <summary>The report whose headers these are, or null.</summary>
    public static ReportDefinition? Recognise(IReadOnlyCollection<string> headers)
    {
        var set = new HashSet<string>(headers, StringComparer.OrdinalIgnoreCase);
        return All.FirstOrDefault(d => d.Signature.All(set.Contains) && !d.Absent.Any(set.Contains));
    }

    /// <summary>The report that counts a service's active users: its own detail report first, the
    /// multi-service active-user report as the fallback.</summary>
    public static IEnumerable<ReportDefinition> SourcesOf(M365Service service) => All.Where(d => d.Services.Contains(service));

    /// <summary>Office365ActiveUserDetail names its per-service columns after these words.</summary>
    internal static string ActiveUserWord(M365Service service) => service switch
    {
        M365Service.Exchange => "Exchange",
        M365Service.OneDrive => "OneDrive",
        M365Service.SharePoint => "SharePoint",
        M365Service.Yammer => "Yammer",
        M365Service.Teams => "Teams",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "getOffice365ActiveUserDetail does not cover this service."),
    };
}
