using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FastTrack.Core.UsageReports;

namespace FastTrack.GraphEmulator;

/// <summary>The Graph host: the bearer token picks the tenant; reports answer 302 to the download host.</summary>
public sealed partial class GraphEmulator
{
    private static readonly Regex ReportCall = new(@"^/v1\.0/reports/(?<function>get\w+)(\(((?<arg>period|date)='?(?<value>[^')]+)'?)?\))?$", RegexOptions.IgnoreCase);

    private async Task<int> HandleApi(HttpListenerContext context)
    {
        var request = context.Request;
        var path = Uri.UnescapeDataString(request.Url!.AbsolutePath).TrimEnd('/');
        if (path.StartsWith("/emulator/", StringComparison.Ordinal)) return await Control(context, path).ConfigureAwait(false);
        if (path.Equals(IdentityPath, StringComparison.OrdinalIgnoreCase)) return await HandleIdentity(context).ConfigureAwait(false);
        if (path.StartsWith("/secrets/", StringComparison.OrdinalIgnoreCase)) return await HandleVault(context, path).ConfigureAwait(false);
        var auth = request.Headers["Authorization"];
        if (auth is null || !auth.StartsWith("Bearer ", StringComparison.Ordinal) || TenantOf(auth.Substring(7)) is not { } tenant)
            return await Answers.Error(context.Response, 401, "InvalidAuthenticationToken", "Access token is empty or invalid.").ConfigureAwait(false);

        if (path.Equals("/v1.0/admin/reportSettings", StringComparison.OrdinalIgnoreCase))
        {
            if (request.HttpMethod != "GET") return await Answers.Error(context.Response, 403, "Authorization_RequestDenied", "The emulator refuses changes to report settings.").ConfigureAwait(false);
            return await Answers.Json(context.Response, $$"""{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#admin/reportSettings/$entity","displayConcealedNames":{{(DisplayConcealedNames ? "true" : "false")}}}""").ConfigureAwait(false);
        }
        if (await SendMail(context, tenant, path).ConfigureAwait(false) is { } sent) return sent;
        if (request.HttpMethod != "GET") return await Answers.Error(context.Response, 405, "MethodNotAllowed", "Only GET is served.").ConfigureAwait(false);
        if (path.Equals("/v1.0/subscribedSkus", StringComparison.OrdinalIgnoreCase))
            return await Answers.Json(context.Response, tenant.Tenant.SubscribedSkusJson()).ConfigureAwait(false);
        if (path.Equals("/v1.0/organization", StringComparison.OrdinalIgnoreCase))
            return await Answers.Json(context.Response, tenant.Tenant.OrganizationJson()).ConfigureAwait(false);
        if (CopilotCall.Match(path) is { Success: true } copilot) return await CopilotPage(context, tenant, copilot.Groups["period"].Value).ConfigureAwait(false);
        var match = ReportCall.Match(path);
        // The daily counts are small: served at once rather than through the download host.
        if (match.Success && match.Groups["function"].Value.Equals("getOffice365ActiveUserCounts", StringComparison.OrdinalIgnoreCase))
            return await Answers.Csv(context.Response, tenant.Tenant.ActiveUserCountsCsv()).ConfigureAwait(false);
        if (match.Success && Kind(match.Groups["function"].Value) is { } kind)
        {
            var options = tenant.Tenant.Options;
            DateTime day;
            if (match.Groups["arg"].Value.Equals("date", StringComparison.OrdinalIgnoreCase))
            {
                if (!DateTime.TryParseExact(match.Groups["value"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
                    || day < options.FirstDay || day > options.LastDay)
                    return await Answers.Error(context.Response, 400, "BadRequest", "Invalid date: reports keep the last 28 days.").ConfigureAwait(false);
            }
            else day = options.LastDay;
            var function = ReportDefinition.For(kind).GraphFunction;
            context.Response.StatusCode = 302;
            context.Response.RedirectLocation = new Uri(DownloadAddress, $"download/{function}/{tenant.Id:D}/{day:yyyy-MM-dd}.csv?tempauth={DownloadSecret}").ToString();
            context.Response.Close();
            return 302;
        }
        return await Answers.Error(context.Response, match.Success ? 400 : 404, match.Success ? "BadRequest" : "ResourceNotFound", $"Resource not found for the segment '{path}'.").ConfigureAwait(false);
    }

    // GET /v1.0/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='D30')?$format=application/json[&$skiptoken=N]
    private static readonly Regex CopilotCall = new(@"^/v1\.0/copilot/reports/getMicrosoft365CopilotUsageUserDetail\(period='(?<period>[^']*)'\)$", RegexOptions.IgnoreCase);

    /// <summary>The Copilot usage report as Graph serves it: JSON, 200, one page per call, each linking to the next with
    /// $skiptoken (the page's number here).</summary>
    private async Task<int> CopilotPage(HttpListenerContext context, EmulatedTenant tenant, string period)
    {
        if (period is not ("D7" or "D30" or "D90" or "D180" or "ALL"))
            return await Answers.Error(context.Response, 400, "BadRequest", "Invalid period: D7, D30, D90, D180 or ALL.").ConfigureAwait(false);
        var skip = context.Request.QueryString["$skiptoken"];
        var page = skip is null ? 1 : int.TryParse(skip, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var pages = tenant.CopilotPages(tenant.Tenant.Options.LastDay, DisplayConcealedNames,
            next => new Uri(CopilotLinkBase ?? BaseAddress, $"v1.0/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='{period}')?$format=application/json&$skiptoken={next}").ToString());
        if (page < 1 || page > pages.Count) return await Answers.Error(context.Response, 400, "BadRequest", "Invalid $skiptoken.").ConfigureAwait(false);
        return await Answers.Json(context.Response, pages[page - 1]).ConfigureAwait(false);
    }

    private static ReportKind? Kind(string function) =>
        Enum.GetValues<ReportKind>().Cast<ReportKind?>().FirstOrDefault(k => ReportDefinition.For(k!.Value).GraphFunction.Equals(function, StringComparison.OrdinalIgnoreCase));
}
