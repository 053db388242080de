using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Plans;

/// <summary>What a change does to a plan, field by field, as -WhatIf and -Confirm say it: "Teams targetAU 10 → 20",
/// "blocker #2 added: Proxy blocks Teams", "task 3731 Teams status NotStarted → Done". Read from the plan as it is
/// written to disk, so every field a change can touch is seen, and entries of a list are matched by what identifies
/// them (a service, a task and its service, a blocker's number), not by their place.</summary>
public static class PlanDifferences
{
    // Bookkeeping the store sets on every write: not what the user changes.
    private static readonly HashSet<string> s_ignored = new(StringComparer.Ordinal) { "revision", "modified", "modifiedBy", "schemaVersion" };

    public static IReadOnlyList<string> Between(CustomerPlan before, CustomerPlan after)
    {
        var differences = new List<string>();
        Compare(Tree(before), Tree(after), "", differences);
        return differences;
    }

    private static JObject Tree(CustomerPlan plan) => JObject.Parse(PlanSerializer.Serialize(plan));

    private static void Compare(JToken? before, JToken? after, string where, List<string> differences)
    {
        if (JToken.DeepEquals(before, after)) return;
        if (before is JObject a && after is JObject b)
        {
            foreach (var name in a.Properties().Select(p => p.Name).Union(b.Properties().Select(p => p.Name)))
            {
                if (where.Length == 0 && s_ignored.Contains(name)) continue;
                Compare(a[name], b[name], Join(where, name), differences);
            }
        }
        else if (before is JArray listBefore && after is JArray listAfter && Keyed(listBefore, listAfter) is { } key)
        {
            var old = listBefore.OfType<JObject>().ToDictionary(key);
            var now = listAfter.OfType<JObject>().ToDictionary(key);
            foreach (var id in old.Keys.Union(now.Keys))
            {
                var entry = Join(where, id);
                if (!old.ContainsKey(id)) differences.Add($"{entry} added: {Summary(now[id])}");
                else if (!now.ContainsKey(id)) differences.Add($"{entry} removed");
                else Compare(old[id], now[id], entry, differences);
            }
        }
        else
        {
            differences.Add($"{where} {Text(before)} → {Text(after)}");
        }
    }

    // How the entries of a list are told apart: the fields that identify them, when every entry has them uniquely.
    private static Func<JObject, string>? Keyed(JArray before, JArray after)
    {
        var entries = before.Concat(after).ToList();
        if (entries.Count == 0 || !entries.All(e => e is JObject)) return null;
        foreach (var fields in s_identities)
        {
            string Key(JObject o) => string.Join(" ", fields.Select(f => (string?)o[f]));
            if (entries.Cast<JObject>().All(o => fields.All(f => o[f] is JValue { Value: not null }))
                && before.Cast<JObject>().Select(Key).Distinct().Count() == before.Count
                && after.Cast<JObject>().Select(Key).Distinct().Count() == after.Count)
            {
                return Key;
            }
        }
        return null;
    }

    private static readonly string[][] s_identities =
    {
        new[] { "taskId", "service" }, new[] { "service", "asOf", "basis" }, new[] { "id" }, new[] { "service" }, new[] { "name" }, new[] { "program" },
    };

    private static string Join(string where, string name) => where.Length == 0 ? name : $"{where} {name}";

    private static string Text(JToken? value) => value switch
    {
        null or { Type: JTokenType.Null } => "(none)",
        JValue { Type: JTokenType.String } s => $"'{s}'",
        JValue v => v.ToString(Formatting.None),
        JArray { Count: 0 } => "(none)",
        JArray list => string.Join(list.All(i => i is JValue) ? ", " : "; ", list.Select(i => i is JObject o ? Summary(o) : Text(i))),
        JObject o => Summary(o),
        _ => value.ToString(Formatting.None),
    };

    // An entry by its first few plain fields: enough to recognise it in a prompt.
    private static string Summary(JObject value) =>
        string.Join(", ", value.Properties().Where(p => p.Value.Type is not (JTokenType.Null or JTokenType.Array or JTokenType.Object)).Take(4).Select(p => $"{p.Name} {Text(p.Value)}"));
}
