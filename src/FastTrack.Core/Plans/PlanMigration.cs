using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Plans;

/// <summary>One step of the upgrade path between plan schema versions, applied to the JSON before it
/// is bound to the model. When the format changes, bump CustomerPlan.CurrentSchemaVersion and add the
/// step from the previous version here; files are rewritten in the new format on their next save.</summary>
internal sealed class PlanMigration
{
    public PlanMigration(int fromVersion, Action<JObject> apply)
    {
        FromVersion = fromVersion;
        Apply = apply;
    }

    public int FromVersion { get; }
    public Action<JObject> Apply { get; }

    public static IReadOnlyList<PlanMigration> All { get; } = new[] { new PlanMigration(1, ToVersion2), new PlanMigration(2, ToVersion3) };

    /// <summary>Schema 3 adds the optional connection profile and changes nothing else: a version 2 file reads as it
    /// is. The version moves so that an older build refuses a plan with a profile (PlanSchemaTooNew) rather than
    /// reading it, dropping the profile it does not know, and saving the plan without it.</summary>
    private static void ToVersion3(JObject plan) { }

    /// <summary>Schema 2: task progress per task and service, check-ins recorded as held or missed with an
    /// id, metrics with a direction, and tracking evidence. Every value of version 1 is kept.</summary>
    private static void ToVersion2(JObject plan)
    {
        // Version 1 kept one entry per task id; every task then had the one service of the 2020 page's
        // table (3650 was copied onto other services by the rules, never stored per service).
        foreach (var task in (plan["tasks"] as JArray ?? new JArray()).OfType<JObject>())
        {
            if (task["service"] is null && task.Value<int?>("taskId") is { } id && PlaybookCatalog.Default.Task(id) is { } definition)
                task["service"] = definition.Service.ToString();
        }

        var checkIns = (plan["checkIns"] as JArray ?? new JArray()).OfType<JObject>().ToList();
        for (var i = 0; i < checkIns.Count; i++)
        {
            var checkIn = checkIns[i];
            var held = checkIn.Value<bool?>("held") == true;
            checkIn.Remove("held");
            checkIn["id"] = i + 1;
            checkIn["status"] = held ? nameof(CheckInStatus.Held) : nameof(CheckInStatus.Planned);
        }

        foreach (var metric in (plan["successMetrics"] as JArray ?? new JArray()).OfType<JObject>())
        {
            if (metric["direction"] is null) metric["direction"] = nameof(MetricDirection.HigherIsBetter);
        }

        if (plan["tracking"] is null) plan["tracking"] = new JArray();
    }
}
