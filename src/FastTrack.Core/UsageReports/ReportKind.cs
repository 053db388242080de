namespace FastTrack.Core.UsageReports;

/// <summary>The Microsoft 365 usage detail reports the engine reads. Names are Graph's function names
/// without "get" (GET /reports/get{name}(period='D30')).</summary>
public enum ReportKind
{
    TeamsUserActivityUserDetail,
    YammerActivityUserDetail,
    EmailAppUsageUserDetail,
    OneDriveActivityUserDetail,
    SharePointActivityUserDetail,
    EmailActivityUserDetail,
    M365AppUserDetail,
    Office365ActivationsUserDetail,
    Office365ActiveUserDetail,
    /// <summary>GET /copilot/reports/getMicrosoft365CopilotUsageUserDetail: JSON pages from Graph, CSV from the admin center.</summary>
    Microsoft365CopilotUsageUserDetail,
}
