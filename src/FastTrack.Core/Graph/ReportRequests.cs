using System;
using FastTrack.Core.UsageReports;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace FastTrack.Core.Graph;

/// <summary>The Graph SDK request for each report: period D30, whose 28-day window ends at the newest
/// refresh date. Never date=: that gives one day's activity, which is not AU.</summary>
internal static class ReportRequests
{
    public const string Period = "D30";
    /// <summary>What reading reports takes, named when Graph refuses one.</summary>
    public const string Permission = "Reports.Read.All";

    public static RequestInformation For(GraphServiceClient client, ReportKind kind)
    {
        var r = client.Reports;
        return kind switch
        {
            ReportKind.TeamsUserActivityUserDetail => r.GetTeamsUserActivityUserDetailWithPeriod(Period).ToGetRequestInformation(),
            ReportKind.YammerActivityUserDetail => r.GetYammerActivityUserDetailWithPeriod(Period).ToGetRequestInformation(),
            ReportKind.EmailAppUsageUserDetail => r.GetEmailAppUsageUserDetailWithPeriod(Period).ToGetRequestInformation(),
            ReportKind.OneDriveActivityUserDetail => r.GetOneDriveActivityUserDetailWithPeriod(Period).ToGetRequestInformation(),
            ReportKind.SharePointActivityUserDetail => r.GetSharePointActivityUserDetailWithPeriod(Period).ToGetRequestInformation(),
            ReportKind.EmailActivityUserDetail => r.GetEmailActivityUserDetailWithPeriod(Period).ToGetRequestInformation(),
            ReportKind.M365AppUserDetail => r.GetM365AppUserDetailWithPeriod(Period).ToGetRequestInformation(),
            ReportKind.Office365ActiveUserDetail => r.GetOffice365ActiveUserDetailWithPeriod(Period).ToGetRequestInformation(),
            // Activations are a current state, with neither period nor date.
            ReportKind.Office365ActivationsUserDetail => r.GetOffice365ActivationsUserDetail.ToGetRequestInformation(),
            // Under /copilot/reports in v1.0 (the SDK has no builder for it), JSON pages; D30 as for the others, its
            // 28-day window read from each user's last activity date (README, "How AU is counted").
            ReportKind.Microsoft365CopilotUsageUserDetail => Get(client, $"copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='{Period}')?$format=application/json"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>A GET of a path under the client's base address (…/v1.0), or of a page's @odata.nextLink.</summary>
    public static RequestInformation Get(GraphServiceClient client, string relative) => Get(new Uri(client.RequestAdapter.BaseUrl!.TrimEnd('/') + "/" + relative));

    public static RequestInformation Get(Uri address) => new() { HttpMethod = Method.GET, URI = address };
}
