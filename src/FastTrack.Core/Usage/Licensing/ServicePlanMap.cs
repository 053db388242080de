using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FastTrack.Core.Playbook;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Usage.Licensing;

/// <summary>Which service plans give which services, from Microsoft's licensing reference (embedded as
/// service-plans.json), and so which subscriptions count toward a service's paid units.</summary>
public sealed class ServicePlanMap
{
    private static readonly Lazy<ServicePlanMap> s_default = new(Load);
    private readonly Dictionary<Guid, M365Service[]> _byId;
    private readonly Dictionary<string, M365Service[]> _byName;

    private ServicePlanMap(Dictionary<Guid, M365Service[]> byId, Dictionary<string, M365Service[]> byName, JArray skus)
    {
        _byId = byId;
        _byName = byName;
        KnownSkus = skus;
    }

    public static ServicePlanMap Default => s_default.Value;

    /// <summary>SKUs the sample tenant uses, with their service plans (from the same reference).</summary>
    internal JArray KnownSkus { get; }

    public IReadOnlyList<M365Service> ServicesOf(SkuServicePlan plan) =>
        _byId.TryGetValue(plan.ServicePlanId, out var byId) ? byId
        : _byName.TryGetValue(plan.ServicePlanName, out var byName) ? byName
        : Array.Empty<M365Service>();

    /// <summary>The services a subscription provides; disabled service plans give nothing.</summary>
    public IEnumerable<M365Service> ServicesOf(SubscribedSku sku) =>
        sku.ServicePlans.Where(p => !string.Equals(p.ProvisioningStatus, "Disabled", StringComparison.OrdinalIgnoreCase))
            .SelectMany(ServicesOf).Distinct();

    /// <summary>Paid available units for a service: prepaidUnits.enabled of the enabled subscriptions that include it.</summary>
    public long PaidUnits(IEnumerable<SubscribedSku> skus, M365Service service) =>
        skus.Where(s => string.Equals(s.CapabilityStatus, "Enabled", StringComparison.OrdinalIgnoreCase) && ServicesOf(s).Contains(service))
            .Sum(s => (long)s.EnabledUnits);

    private static ServicePlanMap Load()
    {
        using var stream = typeof(ServicePlanMap).Assembly.GetManifestResourceStream("FastTrack.Core.Usage.Licensing.service-plans.json")
            ?? throw new InvalidOperationException("The embedded service-plans.json is missing from the build.");
        var document = JObject.Parse(new StreamReader(stream).ReadToEnd());
        var byId = new Dictionary<Guid, M365Service[]>();
        var byName = new Dictionary<string, M365Service[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var plan in document["servicePlans"]!.OfType<JObject>())
        {
            var services = plan["services"]!.Select(s => (M365Service)Enum.Parse(typeof(M365Service), (string)s!)).ToArray();
            byId[Guid.Parse((string)plan["servicePlanId"]!)] = services;
            byName[(string)plan["servicePlanName"]!] = services;
        }
        return new ServicePlanMap(byId, byName, (JArray)document["skus"]!);
    }
}
