using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.KeyInputs;

/// <summary>Reads assignedPlans from the answer of GET /organization. An entry without a plan id or a date
/// is refused by name, never read as "no date".</summary>
public static class AssignedPlansParser
{
    public static IReadOnlyList<AssignedPlan> Parse(string json, string source)
    {
        JObject document;
        try { document = JObject.Parse(json); }
        catch (JsonException ex) { throw KeyInputErrors.OrganizationUnreadable(source, ex.Message).ToException(); }
        var organization = document["value"] is JArray list ? list.FirstOrDefault() as JObject : document;
        if (organization?["assignedPlans"] is not JArray plans) return Array.Empty<AssignedPlan>();
        return plans.Select((p, i) => Plan(p as JObject, i, source)).ToList();
    }

    private static AssignedPlan Plan(JObject? entry, int index, string source)
    {
        var id = (string?)entry?["servicePlanId"];
        var assigned = entry?["assignedDateTime"];
        if (!Guid.TryParse(id, out var planId))
            throw KeyInputErrors.OrganizationUnreadable(source, $"assignedPlans[{index}] has no servicePlanId").ToException();
        var date = assigned?.Type == JTokenType.Date ? (DateTime?)assigned.ToObject<DateTimeOffset>().UtcDateTime
            : DateTimeOffset.TryParse((string?)assigned, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.UtcDateTime : null;
        if (date is null)
            throw KeyInputErrors.OrganizationUnreadable(source, $"assignedPlans[{index}] ({planId}) has no assignedDateTime").ToException();
        return new AssignedPlan
        {
            ServicePlanId = planId,
            Service = (string?)entry!["service"] ?? "",
            CapabilityStatus = (string?)entry["capabilityStatus"] ?? "",
            AssignedOn = date.Value.Date,
        };
    }
}
