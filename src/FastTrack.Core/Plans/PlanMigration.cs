using System;
using System.Collections.Generic;
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

    /// <summary>Schema 1 is the first released format: there is nothing to migrate from yet.</summary>
    public static IReadOnlyList<PlanMigration> All { get; } = Array.Empty<PlanMigration>();
}
