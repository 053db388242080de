using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Usage.Licensing;

/// <summary>Reads GET /subscribedSkus as Graph returns it ({"value": [...]}) or as a bare array.</summary>
public static class SubscribedSkuParser
{
    public static IReadOnlyList<SubscribedSku> Parse(string json, string sourceName)
    {
        JToken root;
        try { root = JToken.Parse(json); }
        catch (JsonReaderException ex)
        {
            throw new FtError("SubscribedSkusUnreadable", FtErrorKind.InvalidData, sourceName,
                $"'{sourceName}' is not subscribedSkus JSON (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message.Split(new[] { " Path '" }, StringSplitOptions.None)[0]}").ToException();
        }
        var items = root is JObject o ? o["value"] as JArray : root as JArray;
        if (items is null)
        {
            throw new FtError("SubscribedSkusUnreadable", FtErrorKind.InvalidData, sourceName,
                $"'{sourceName}' has no 'value' array of subscribed SKUs.").ToException();
        }
        return items.OfType<JObject>().Select(sku => new SubscribedSku
        {
            SkuId = Guid.TryParse((string?)sku["skuId"], out var id) ? id : Guid.Empty,
            SkuPartNumber = (string?)sku["skuPartNumber"] ?? "",
            AccountId = Guid.TryParse((string?)sku["accountId"], out var account) ? account : Guid.Empty,
            CapabilityStatus = (string?)sku["capabilityStatus"] ?? "",
            ConsumedUnits = (int?)sku["consumedUnits"] ?? 0,
            EnabledUnits = (int?)sku["prepaidUnits"]?["enabled"] ?? 0,
            ServicePlans = (sku["servicePlans"] as JArray ?? new JArray()).OfType<JObject>().Select(p => new SkuServicePlan
            {
                ServicePlanId = Guid.TryParse((string?)p["servicePlanId"], out var planId) ? planId : Guid.Empty,
                ServicePlanName = (string?)p["servicePlanName"] ?? "",
                ProvisioningStatus = (string?)p["provisioningStatus"] ?? "",
            }).ToArray(),
        }).ToList();
    }
}
