using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Rules;

/// <summary>Everything the rules read: the catalogue, the plan, the latest AU per service and today.
/// Each fact the rules use is also stated in words, so every decision can say why.</summary>
public sealed class RuleFacts
{
    public RuleFacts(PlaybookCatalog catalog, CustomerPlan plan, IReadOnlyDictionary<M365Service, UsageFact>? usage, DateTime today)
    {
        Catalog = catalog;
        Plan = plan;
        Usage = usage ?? new Dictionary<M365Service, UsageFact>();
        Today = today.Date;
    }

    public PlaybookCatalog Catalog { get; }
    public CustomerPlan Plan { get; }
    public IReadOnlyDictionary<M365Service, UsageFact> Usage { get; }
    public DateTime Today { get; }

    public double TargetOf(M365Service service) => Plan.Service(service).TargetAU;

    /// <summary>True/false when measured; null when the service has no AU yet.</summary>
    public bool? MeetsTarget(M365Service service) =>
        Usage.TryGetValue(service, out var fact) ? fact.ActiveUsagePercent >= TargetOf(service) : null;

    public string UsageText(M365Service service) =>
        Usage.TryGetValue(service, out var fact)
            ? $"{service} AU is {fact.ActiveUsagePercent:0.0}% on {fact.AsOf:yyyy-MM-dd} (target {TargetOf(service):0.#}%)"
            : $"{service} AU has not been measured (target {TargetOf(service):0.#}%)";

    /// <summary>The workloads whose handshake task is done: the CSM owns their adoption.</summary>
    public IEnumerable<M365Service> HandedToCsm =>
        Catalog.Activities.Where(a => a.HandsWorkloadToCsm)
            .SelectMany(a => a.Tasks)
            .Where(t => Plan.Task(t.Id).Status == TaskState.Done)
            .Select(t => t.Service);
}
