using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Licensing;

/// <summary>Reads GET /subscribedSkus as Graph returns it ({"value": [...]}) or as a bare array.</summary>
public static class SubscribedSkuParser
{
    public static IReadOnlyList<SubscribedSku> Parse(string json, string sourceName)
    {
        JToken root;
        try { root = JToken.Parse(json); }
        catch (JsonReaderException ex)
        {
            throw LicensingErrors.SubscribedSkusUnreadable(sourceName, $" (line {ex.LineNumber}, position {ex.LinePosition})",
                ex.Message.Split(new[] { " Path '" }, StringSplitOptions.None)[0].TrimEnd('.')).ToException(ex);
        }
        var items = root is JObject o ? o["value"] as JArray : root as JArray;
        if (items is null)
        {
            throw LicensingErrors.SubscribedSkusUnreadable(sourceName, "", "it has no 'value' array of subscribed SKUs").ToException();
        }
        return items.OfType<JObject>().Select(sku => new SubscribedSku
        {
            SkuId = Guid.TryParse(Text(sku["skuId"], sourceName), out var id) ? id : Guid.Empty,
            SkuPartNumber = Text(sku["skuPartNumber"], sourceName) ?? "",
            AccountId = Guid.TryParse(Text(sku["accountId"], sourceName), out var account) ? account : Guid.Empty,
            CapabilityStatus = Text(sku["capabilityStatus"], sourceName) ?? "",
            ConsumedUnits = Units(sku, sku["consumedUnits"], "consumedUnits", sourceName) ?? 0,
            // The AU denominator: a SKU without it would add a silent 0.
            EnabledUnits = Units(sku, (sku["prepaidUnits"] as JObject)?["enabled"], "prepaidUnits.enabled", sourceName)
                ?? throw UnitsInvalid(sku, "prepaidUnits.enabled", "is missing", sourceName),
            ServicePlans = (sku["servicePlans"] as JArray ?? new JArray()).OfType<JObject>().Select(p => new SkuServicePlan
            {
                ServicePlanId = Guid.TryParse(Text(p["servicePlanId"], sourceName), out var planId) ? planId : Guid.Empty,
                ServicePlanName = Text(p["servicePlanName"], sourceName) ?? "",
                ProvisioningStatus = Text(p["provisioningStatus"], sourceName) ?? "",
            }).ToArray(),
        }).ToList();
    }

    /// <summary>A count of licences: a whole number from 0 to int.MaxValue, as Graph writes it; null when absent.
    /// A string, a fraction, a negative or an overflowing number is refused: cast, it would throw or wrap.</summary>
    private static int? Units(JObject sku, JToken? token, string name, string sourceName)
    {
        if (token is null || token.Type == JTokenType.Null) return null;
        var value = token.Type switch
        {
            JTokenType.Integer when token is JValue { Value: long whole } => (decimal?)whole,
            JTokenType.Integer => null, // a BigInteger: far past any count of licences
            JTokenType.Float when (double)token is var d && !double.IsNaN(d) && !double.IsInfinity(d) && Math.Abs(d) < 1e15 && d == Math.Floor(d) => (decimal)d,
            _ => null,
        };
        if (value is not { } units || units < 0 || units > int.MaxValue)
            throw UnitsInvalid(sku, name, $"is {token.ToString(Formatting.None)}, not a whole number of licences from 0 to {int.MaxValue}", sourceName);
        return (int)units;
    }

    // A name or id: a string (or a number written bare); an object or array where one belongs is no subscribedSkus answer.
    private static string? Text(JToken? token, string sourceName) => token switch
    {
        null => null,
        JValue { Value: null } => null,
        JValue value => Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw LicensingErrors.SubscribedSkusUnreadable(sourceName, "", $"{token.Path} is {token.Type}, where Graph writes a string").ToException(),
    };

    private static FtException UnitsInvalid(JObject sku, string name, string problem, string sourceName) =>
        LicensingErrors.SubscribedSkuUnitsInvalid(sourceName,
            $"{Text(sku["skuPartNumber"], sourceName) ?? "(no skuPartNumber)"} ({Text(sku["skuId"], sourceName) ?? "no skuId"})", name, problem).ToException();
}
