using System;
using System.Globalization;
using System.Linq;
using System.Text;
using FastTrack.Core.KeyInputs;
using FastTrack.Core.Licensing;
using FastTrack.Core.Playbook;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Sample;

/// <summary>Since when the sample tenant has its services, in Graph's shapes: GET /organization with its
/// assignedPlans (each plan of its SKUs assigned on its own day, 200 to 900 days before the reports begin), and
/// getOffice365ActiveUserCounts for period D180 (each day's users of each service, from the same activity as
/// the detail reports).</summary>
internal static class SampleServiceHistory
{
    // Graph's columns, as the parser reads them; the first ("Office 365") counts a user active in any service.
    private static readonly (string Column, M365Service? Service)[] s_countColumns = DailyActivityParser.CountColumns;

    public static string OrganizationJson(SampleTenant tenant)
    {
        var o = tenant.Options;
        var plans = ServicePlanMap.Default.KnownSkus.OfType<JObject>()
            .Where(s => (string?)s["skuPartNumber"] is "SPE_E3" or "SPE_F1" or "Microsoft_365_Copilot")
            .SelectMany(s => s["servicePlans"]!.OfType<JObject>())
            .GroupBy(p => (string?)p["servicePlanId"]).Select(g => g.First())
            .Select((p, i) => new JObject
            {
                ["assignedDateTime"] = o.FirstDay.AddDays(-200 - (int)(SampleRandom.Hash(o.Seed, 9100, i) % 700))
                    .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["capabilityStatus"] = "Enabled",
                ["service"] = p["servicePlanName"],
                ["servicePlanId"] = p["servicePlanId"],
            });
        var organization = new JObject
        {
            ["id"] = o.TenantId.ToString("D"),
            ["displayName"] = o.Customer,
            ["verifiedDomains"] = new JArray(new JObject { ["name"] = o.Domain, ["isDefault"] = true, ["isInitial"] = false }),
            ["assignedPlans"] = new JArray(plans),
        };
        return new JObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#organization", ["value"] = new JArray(organization) }.ToString();
    }

    public static string ActiveUserCountsCsv(SampleTenant tenant)
    {
        var o = tenant.Options;
        var days = Math.Min(180, o.Days);
        var first = o.Days - days;
        var counts = new int[days, s_countColumns.Length];
        for (var i = 0; i < tenant.ReportedUsers; i++)
        {
            var user = new SampleUser(o, i);
            for (var d = 0; d < days; d++)
            {
                var date = o.FirstDay.AddDays(first + d);
                var any = false;
                for (var c = 0; c < s_countColumns.Length; c++)
                {
                    if (s_countColumns[c].Service is not { } service || tenant.LastActivity(user, service, first + d) != date) continue;
                    counts[d, c]++;
                    any = true;
                }
                if (any) counts[d, 0]++;
            }
        }
        var csv = new StringBuilder("\uFEFFReport Refresh Date,").Append(string.Join(",", s_countColumns.Select(c => c.Column))).Append(",Report Date,Report Period\n");
        for (var d = days - 1; d >= 0; d--)
        {
            csv.Append(o.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            for (var c = 0; c < s_countColumns.Length; c++) csv.Append(',').Append(counts[d, c].ToString(CultureInfo.InvariantCulture));
            csv.Append(',').Append(o.FirstDay.AddDays(first + d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(",180\n");
        }
        return csv.ToString();
    }
}
