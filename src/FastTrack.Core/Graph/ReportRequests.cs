using System;
using FastTrack.Core.Usage.Reports;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace FastTrack.Core.Graph;

/// <summary>The Graph SDK request for each report: period D30 (the 28-day window ends at the newest
/// refresh date) or a given day (date=).</summary>
internal static class ReportRequests
{
    public const string Period = "D30";

    public static RequestInformation For(GraphServiceClient client, ReportKind kind, DateTime? day)
    {
        var r = client.Reports;
        Date? date = day is { } d ? new Date(d.Year, d.Month, d.Day) : null;
        return kind switch
        {
            ReportKind.TeamsUserActivityUserDetail => date is null ? r.GetTeamsUserActivityUserDetailWithPeriod(Period).ToGetRequestInformation() : r.GetTeamsUserActivityUserDetailWithDate(date).ToGetRequestInformation(),
            ReportKind.YammerActivityUserDetail => date is null ? r.GetYammerActivityUserDetailWithPeriod(Period).ToGetRequestInformation() : r.GetYammerActivityUserDetailWithDate(date).ToGetRequestInformation(),
            ReportKind.EmailAppUsageUserDetail => date is null ? r.GetEmailAppUsageUserDetailWithPeriod(Period).ToGetRequestInformation() : r.GetEmailAppUsageUserDetailWithDate(date).ToGetRequestInformation(),
            ReportKind.OneDriveActivityUserDetail => date is null ? r.GetOneDriveActivityUserDetailWithPeriod(Period).ToGetRequestInformation() : r.GetOneDriveActivityUserDetailWithDate(date).ToGetRequestInformation(),
            ReportKind.SharePointActivityUserDetail => date is null ? r.GetSharePointActivityUserDetailWithPeriod(Period).ToGetRequestInformation() : r.GetSharePointActivityUserDetailWithDate(date).ToGetRequestInformation(),
            ReportKind.EmailActivityUserDetail => date is null ? r.GetEmailActivityUserDetailWithPeriod(Period).ToGetRequestInformation() : r.GetEmailActivityUserDetailWithDate(date).ToGetRequestInformation(),
            ReportKind.M365AppUserDetail => date is null ? r.GetM365AppUserDetailWithPeriod(Period).ToGetRequestInformation() : r.GetM365AppUserDetailWithDate(date).ToGetRequestInformation(),
            ReportKind.Office365ActiveUserDetail => date is null ? r.GetOffice365ActiveUserDetailWithPeriod(Period).ToGetRequestInformation() : r.GetOffice365ActiveUserDetailWithDate(date).ToGetRequestInformation(),
            // Activations are a current state, with neither period nor date.
            ReportKind.Office365ActivationsUserDetail => r.GetOffice365ActivationsUserDetail.ToGetRequestInformation(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
