using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Rules;

/// <summary>Everything the rules read: the catalogue, the plan, the latest AU per service, today and the
/// culture the rules speak. Each fact the rules use is also stated in words, so every decision can say why.</summary>
public sealed class RuleFacts
{
    public RuleFacts(PlaybookCatalog catalog, CustomerPlan plan, IReadOnlyDictionary<M365Service, UsageFact>? usage, DateTime today,
        CultureInfo? culture = null)
    {
        Catalog = catalog;
        Plan = plan;
        Usage = usage ?? new Dictionary<M365Service, UsageFact>();
        Today = today.Date;
        Culture = culture ?? CultureInfo.InvariantCulture;
    }

    public PlaybookCatalog Catalog { get; }
    public CustomerPlan Plan { get; }
    public IReadOnlyDictionary<M365Service, UsageFact> Usage { get; }
    public DateTime Today { get; }
    /// <summary>The language of every text the rules produce (the catalogue's messages; English fallback).</summary>
    public CultureInfo Culture { get; }

    /// <summary>A message of the catalogue in the rules' culture.</summary>
    public string Say(string messageId, params object?[] args) => Catalog.Message(messageId, Culture, args);

    public double TargetOf(M365Service service) => Plan.Service(service).TargetAU;

    /// <summary>True/false when measured; null when the service has no AU yet.</summary>
    public bool? MeetsTarget(M365Service service) =>
        Usage.TryGetValue(service, out var fact) ? fact.ActiveUsagePercent >= TargetOf(service) : null;

    public string UsageText(M365Service service) =>
        Usage.TryGetValue(service, out var fact)
            ? Say("Usage.Measured", service, fact.ActiveUsagePercent, fact.AsOf, TargetOf(service))
            : Say("Usage.NotMeasured", service, TargetOf(service));

    /// <summary>The workloads whose handshake task is done: the CSM owns their adoption.</summary>
    public IEnumerable<M365Service> HandedToCsm =>
        Catalog.Activities.Where(a => a.HandsWorkloadToCsm)
            .SelectMany(a => a.Tasks)
            .Where(t => Plan.FindTask(t.Id, t.Service)?.Status == TaskState.Done)
            .Select(t => t.Service);

    /// <summary>The success metrics of a service (its alternative to the AU target).</summary>
    public IReadOnlyList<SuccessMetric> MetricsOf(M365Service service) => Plan.SuccessMetrics.Where(m => m.Service == service).ToList();
}
