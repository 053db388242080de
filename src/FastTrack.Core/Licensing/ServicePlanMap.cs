using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FastTrack.Core.Playbook;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Licensing;

/// <summary>Which service plans give which services, from Microsoft's licensing reference (embedded as
/// service-plans.json), and so which subscriptions count toward a service's paid units. Free, trial and
/// viral products never count; a plan the reference does not place is reported, never taken as nothing.</summary>
public sealed class ServicePlanMap
{
    private static readonly Lazy<ServicePlanMap> s_default = new(Load);
    // Products that are free, trials or viral sign-ups by their part number, beyond the reference's list.
    private static readonly Regex s_freeOrTrial = new("TRIAL|VIRAL|EXPLORATORY|_FREE|FREE_|^FREE|DEVELOPER", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private readonly Dictionary<Guid, M365Service[]> _byId;
    private readonly Dictionary<string, M365Service[]> _byName;
    private readonly HashSet<string> _notServices;
    private readonly HashSet<string> _excludedSkus;
    private readonly Regex _related;

    private ServicePlanMap(JObject document)
    {
        _byId = new Dictionary<Guid, M365Service[]>();
        _byName = new Dictionary<string, M365Service[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var plan in document["servicePlans"]!.OfType<JObject>())
        {
            var services = plan["services"]!.Select(s => (M365Service)Enum.Parse(typeof(M365Service), (string)s!)).ToArray();
            _byId[Guid.Parse((string)plan["servicePlanId"]!)] = services;
            _byName[(string)plan["servicePlanName"]!] = services;
        }
        _notServices = new HashSet<string>(document["notServices"]!.OfType<JObject>().SelectMany(p => new[] { (string)p["servicePlanId"]!, (string)p["servicePlanName"]! }),
            StringComparer.OrdinalIgnoreCase);
        _excludedSkus = new HashSet<string>(document["excludedSkus"]!.OfType<JObject>().SelectMany(s => new[] { (string)s["skuId"]!, (string)s["skuPartNumber"]! }),
            StringComparer.OrdinalIgnoreCase);
        _related = new Regex("^(" + string.Join("|", document["relatedNames"]!.Select(n => Regex.Escape((string)n!))) + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        KnownSkus = (JArray)document["skus"]!;
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

    /// <summary>A free, trial or viral product: its units are not paid, whatever plans it holds.</summary>
    public bool IsFreeOrTrial(SubscribedSku sku) =>
        _excludedSkus.Contains(sku.SkuId.ToString()) || _excludedSkus.Contains(sku.SkuPartNumber) || s_freeOrTrial.IsMatch(sku.SkuPartNumber);

    /// <summary>A plan named like a service's (TEAMS..., EXCHANGE..., SHAREPOINT...) that the reference does not place.</summary>
    public bool IsUnknownRelated(SkuServicePlan plan) =>
        ServicesOf(plan).Count == 0 && !_notServices.Contains(plan.ServicePlanId.ToString()) && !_notServices.Contains(plan.ServicePlanName)
        && _related.IsMatch(plan.ServicePlanName);

    /// <summary>Paid available units for a service: prepaidUnits.enabled of the enabled, paid subscriptions that
    /// include it, with the subscriptions left out and the unknown plans said by name.</summary>
    public PaidUnitsCount PaidUnits(IEnumerable<SubscribedSku> skus, M365Service service)
    {
        var units = 0L;
        var excluded = new List<string>();
        var unknown = new List<string>();
        foreach (var sku in skus.Where(s => string.Equals(s.CapabilityStatus, "Enabled", StringComparison.OrdinalIgnoreCase)))
        {
            unknown.AddRange(sku.ServicePlans.Where(IsUnknownRelated).Select(p => $"{p.ServicePlanName} ({p.ServicePlanId}) in {sku.SkuPartNumber}"));
            if (!ServicesOf(sku).Contains(service)) continue;
            if (IsFreeOrTrial(sku)) excluded.Add($"{sku.SkuPartNumber} ({sku.EnabledUnits} units)");
            else units += sku.EnabledUnits;
        }
        return new PaidUnitsCount(units, excluded, unknown.Distinct().ToList());
    }

    private static ServicePlanMap Load()
    {
        using var stream = typeof(ServicePlanMap).Assembly.GetManifestResourceStream("FastTrack.Core.Licensing.service-plans.json")
            ?? throw new InvalidOperationException("The embedded service-plans.json is missing from the build.");
        return new ServicePlanMap(JObject.Parse(new StreamReader(stream).ReadToEnd()));
    }
}

/// <summary>A service's paid units, the free or trial subscriptions that were left out, and the service plans
/// the licensing reference does not place (which may give the service).</summary>
public sealed class PaidUnitsCount
{
    public PaidUnitsCount(long units, IReadOnlyList<string> excludedSkus, IReadOnlyList<string> unknownPlans)
    {
        Units = units;
        ExcludedSkus = excludedSkus;
        UnknownPlans = unknownPlans;
    }

    public long Units { get; }
    public IReadOnlyList<string> ExcludedSkus { get; }
    public IReadOnlyList<string> UnknownPlans { get; }
}
