using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.UsageReports;
using Newtonsoft.Json;

namespace FastTrack.Core.Sample;

/// <summary>The sample tenant's Microsoft 365 Copilot usage report as Graph serves it: JSON pages (shape and property
/// names of the documented example, TestData/graph/getMicrosoft365CopilotUsageUserDetail.v1.0.json), each with an
/// @odata.nextLink to the next but the last. It lists the users licensed for Copilot only. An active user used
/// Copilot in one app on the last activity date and in others now and then: Teams and Copilot Chat most, Loop least.</summary>
internal sealed class SampleCopilotPages
{
    /// <summary>The apps in the report's order, with the chance a Copilot user uses each at all.</summary>
    private static readonly (string JsonName, double Share)[] Apps =
    {
        ("copilotChatLastActivityDate", 0.70), ("microsoftTeamsCopilotLastActivityDate", 0.80), ("wordCopilotLastActivityDate", 0.45),
        ("excelCopilotLastActivityDate", 0.25), ("powerPointCopilotLastActivityDate", 0.30), ("outlookCopilotLastActivityDate", 0.50),
        ("oneNoteCopilotLastActivityDate", 0.08), ("loopCopilotLastActivityDate", 0.05),
    };

    private readonly SampleTenant _tenant;
    private readonly int _day;

    public SampleCopilotPages(SampleTenant tenant, int day)
    {
        _tenant = tenant;
        _day = day;
    }

    /// <summary>Each page's JSON text, made as it is asked for; <paramref name="nextLink"/> gives the link to a page by its number (from 1).</summary>
    public IEnumerable<string> Pages(Func<int, string> nextLink)
    {
        var users = Enumerable.Range(0, _tenant.ReportedUsers).Select(i => new SampleUser(_tenant.Options, i))
            .Where(u => u.IsLicensed(M365Service.Microsoft365Copilot));
        var size = Math.Max(1, _tenant.Options.CopilotPageSize);
        var page = new List<SampleUser>(size);
        var number = 0;
        foreach (var user in users)
        {
            if (page.Count == size)
            {
                yield return Page(page, nextLink(number + 2));
                number++;
                page.Clear();
            }
            page.Add(user);
        }
        yield return Page(page, null); // the last page, which may be empty when no user holds a licence
    }

    private string Page(IReadOnlyList<SampleUser> users, string? next)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var json = new JsonTextWriter(text))
        {
            json.WriteStartObject();
            json.WritePropertyName("@odata.context");
            json.WriteValue("https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.copilotUsageUserDetail)");
            if (next is not null)
            {
                json.WritePropertyName("@odata.nextLink");
                json.WriteValue(next);
            }
            json.WritePropertyName("value");
            json.WriteStartArray();
            foreach (var user in users) User(json, user);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return text.ToString();
    }

    private void User(JsonWriter json, SampleUser user)
    {
        var options = _tenant.Options;
        var last = _tenant.LastActivity(user, M365Service.Microsoft365Copilot, _day);
        // The app used on the last day: one of the four most used.
        var primary = (int)(SampleRandom.Hash(options.Seed, user.Index, 250) % 4);
        primary = primary switch { 0 => 1, 1 => 0, 2 => 5, _ => 2 }; // Teams, Copilot Chat, Outlook, Word
        void Property(string name, string? value)
        {
            json.WritePropertyName(name);
            json.WriteValue(value ?? "");
        }
        json.WriteStartObject();
        Property("reportRefreshDate", Date(options.FirstDay.AddDays(_day)));
        Property("userPrincipalName", options.ConcealedNames ? SampleUser.Conceal(user.UserPrincipalName) : user.UserPrincipalName);
        Property("displayName", options.ConcealedNames ? SampleUser.Conceal(user.DisplayName) : user.DisplayName);
        Property("lastActivityDate", Date(last));
        for (var app = 0; app < Apps.Length; app++)
        {
            DateTime? used = null;
            if (last is { } day)
            {
                if (app == primary) used = day;
                else if (SampleRandom.Unit(options.Seed, user.Index, 200 + app) < Apps[app].Share)
                    used = day.AddDays(-(int)(SampleRandom.Hash(options.Seed, user.Index, 300 + app, _day) % 40));
            }
            Property(Apps[app].JsonName, Date(used));
        }
        json.WritePropertyName("copilotActivityUserDetailsByPeriod");
        json.WriteStartArray();
        json.WriteStartObject();
        json.WritePropertyName("reportPeriod");
        json.WriteValue(30);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string? Date(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
