using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FastTrack.Core.Playbook;
using FastTrack.Core.Licensing;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Sample;

/// <summary>The synthetic "Contoso": a deterministic tenant with 180 days of usage, generated from a
/// seed, whose reports are byte-compatible with Graph's (UTF-8 BOM, exact headers). Rows are written
/// one at a time, so it scales to a million users. It is the quick start's data, the tests' data and
/// the benchmark's generator.</summary>
public sealed class SampleTenant
{
    public SampleTenant(SampleTenantOptions? options = null) => Options = options ?? new SampleTenantOptions();

    public SampleTenantOptions Options { get; }

    /// <summary>All users in the reports: the licensed ones, then one in a hundred deleted ones.</summary>
    internal int ReportedUsers => Options.Users + Options.Users / 100;

    internal int Frontline => Enumerable.Range(0, Options.Users).Count(i => i % 10 == 9);

    /// <summary>Paid units per SKU: a few more than assigned, as tenants buy ahead.</summary>
    internal (int E3, int F3) PaidUnits => ((int)Math.Ceiling((Options.Users - Frontline) * 1.05), (int)Math.Ceiling(Frontline * 1.10));

    /// <summary>Microsoft 365 Copilot licences: bought for exactly the users who hold one (SampleUser: an index ending in 3).</summary>
    internal int CopilotLicences => (Options.Users + 6) / 10;

    public int DayIndex(DateTime date)
    {
        var index = (int)(date.Date - Options.FirstDay).TotalDays;
        if (index < 0 || index >= Options.Days)
        {
            throw UsageErrors.SampleDateOutOfRange(date, Options.FirstDay, Options.LastDay).ToException();
        }
        return index;
    }

    internal DateTime? LastActivity(SampleUser user, M365Service service, int day)
    {
        if (!user.IsLicensed(service) && !user.IsDeleted) return null;
        var progress = Options.Days <= 1 ? 1 : day / (double)(Options.Days - 1);
        var share = SampleCurves.ActiveShare(service, progress, day);
        var x = SampleRandom.Unit(Options.Seed, user.Index, (int)service + 1);
        var date = Options.FirstDay.AddDays(day);
        var jitter = (int)(SampleRandom.Hash(Options.Seed, user.Index, (int)service + 100, day) % 60);
        if (x < share) return date.AddDays(-(jitter % 21));          // active in the window
        if (x < share * 1.5 + 0.02) return date.AddDays(-28 - jitter); // used it, then lapsed
        return null;                                                 // never used it
    }

    /// <summary>GET /subscribedSkus for the tenant, in Graph's shape.</summary>
    public string SubscribedSkusJson()
    {
        var (e3, f3) = PaidUnits;
        var skus = new JArray();
        var copilot = CopilotLicences;
        foreach (var (partNumber, enabled, consumed) in new[] { ("SPE_E3", e3, Options.Users - Frontline), ("SPE_F1", f3, Frontline), ("Microsoft_365_Copilot", copilot, copilot) })
        {
            if (enabled == 0) continue;
            var known = ServicePlanMap.Default.KnownSkus.OfType<JObject>().Single(s => (string?)s["skuPartNumber"] == partNumber);
            skus.Add(new JObject
            {
                ["accountName"] = Options.Customer,
                ["accountId"] = Options.TenantId.ToString("D"),
                ["appliesTo"] = "User",
                ["capabilityStatus"] = "Enabled",
                ["consumedUnits"] = consumed,
                ["id"] = $"{Options.TenantId:D}_{known["skuId"]}",
                ["prepaidUnits"] = new JObject { ["enabled"] = enabled, ["lockedOut"] = 0, ["suspended"] = 0, ["warning"] = 0 },
                ["servicePlans"] = new JArray(known["servicePlans"]!.OfType<JObject>().Select(p => new JObject
                {
                    ["servicePlanId"] = p["servicePlanId"],
                    ["servicePlanName"] = p["servicePlanName"],
                    ["provisioningStatus"] = "Success",
                    ["appliesTo"] = "User",
                })),
                ["skuId"] = known["skuId"],
                ["skuPartNumber"] = partNumber,
                ["subscriptionIds"] = new JArray(new Guid(SampleRandom.Hash(Options.Seed, 9000, (long)enabled).ToString("x16") + SampleRandom.Hash(Options.Seed, 9001).ToString("x16")).ToString("D")),
            });
        }
        return new JObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#subscribedSkus", ["value"] = skus }.ToString();
    }

    /// <summary>GET /organization for the tenant, with its assignedPlans and their dates.</summary>
    public string OrganizationJson() => SampleServiceHistory.OrganizationJson(this);

    /// <summary>getOffice365ActiveUserCounts(period='D180') as of the last day: each day's active users per service.</summary>
    public string ActiveUserCountsCsv() => SampleServiceHistory.ActiveUserCountsCsv(this);

    /// <summary>The link Graph's pages of the Copilot report give to their next page, as the sample writes it offline.</summary>
    internal const string CopilotNextLink = "https://graph.microsoft.com/v1.0/copilot/reports/getMicrosoft365CopilotUsageUserDetail(period='D30')?$format=application/json&$skiptoken=";

    /// <summary>The Microsoft 365 Copilot report as of a day, as Graph serves it: JSON pages, each linking to the next with
    /// <paramref name="nextLink"/>(its page number, from 1).</summary>
    public IEnumerable<string> CopilotPages(DateTime asOf, Func<int, string> nextLink) => new SampleCopilotPages(this, DayIndex(asOf)).Pages(nextLink);

    /// <summary>Writes one report as of a day, as Graph serves it for period D30: CSV, or for the reports Graph serves as
    /// JSON (Microsoft 365 Copilot's) its pages one after another, as the Graph source caches them.</summary>
    public void WriteReport(ReportKind kind, DateTime asOf, Stream output)
    {
        var day = DayIndex(asOf);
        if (ReportDefinition.For(kind).IsJson)
        {
            using var pages = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
            foreach (var page in CopilotPages(asOf, n => CopilotNextLink + n.ToString(System.Globalization.CultureInfo.InvariantCulture))) pages.WriteLine(page);
            return;
        }
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        new SampleReportWriter(this, writer, day).Write(kind);
    }

    /// <summary>Writes the report set (and subscribedSkus.json) to a folder, named as Graph's functions.</summary>
    public IReadOnlyList<string> WriteReports(string folder, DateTime asOf, IEnumerable<ReportKind>? kinds = null)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var kind in kinds ?? Enum.GetValues(typeof(ReportKind)).Cast<ReportKind>())
        {
            var definition = ReportDefinition.For(kind);
            var path = Path.Combine(folder, $"{definition.GraphFunction}.{(definition.IsJson ? "json" : "csv")}");
            using (var file = File.Create(path)) WriteReport(kind, asOf, file);
            written.Add(path);
        }
        var skus = Path.Combine(folder, "subscribedSkus.json");
        File.WriteAllText(skus, SubscribedSkusJson());
        written.Add(skus);
        return written;
    }
}
