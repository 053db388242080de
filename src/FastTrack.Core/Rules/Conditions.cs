using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Rules;

/// <summary>The named facts the catalogue's "appliesWhen" lists are made of. The catalogue combines them
/// (data); this is the one place that says how each is read from a plan (code).</summary>
public static class Conditions
{
    private static readonly Dictionary<string, Func<RuleFacts, M365Service, ConditionResult>> s_conditions = new()
    {
        ["CsmAssigned"] = (f, _) => f.Plan.Csm is { } csm
            ? new(true, $"CSM {csm.Name} is assigned")
            : new(false, "no CSM is assigned"),
        ["ServiceEnabled"] = (f, s) => f.Plan.Service(s).EnabledOn is { } on
            ? new(true, $"{s} was enabled on {on:yyyy-MM-dd}")
            : new(false, $"{s} is not enabled"),
        ["ServiceIntended"] = (f, s) => f.Plan.Service(s).Intended
            ? new(true, $"{s} is an intended service")
            : new(false, $"{s} is not an intended service"),
        ["OneDriveAdoptionAccepted"] = (f, _) => f.Plan.Programs.OneDriveAdoption switch
        {
            ProgramDecision.Accepted => new(true, $"the customer accepted the OneDrive adoption program on {f.Plan.Programs.OneDriveAdoptionDecidedOn:yyyy-MM-dd}"),
            ProgramDecision.Declined => new(false, $"the customer declined the OneDrive adoption program on {f.Plan.Programs.OneDriveAdoptionDecidedOn:yyyy-MM-dd}"),
            _ => new(false, "the customer has not decided on the OneDrive adoption program"),
        },
        ["CheckInScheduled"] = (f, s) => f.Plan.CheckIns.Where(c => c.Date >= f.Today && c.Services.Contains(s)).OrderBy(c => c.Date).FirstOrDefault() is { } next
            ? new(true, $"a check-in covering {s} is scheduled on {next.Date:yyyy-MM-dd}")
            : new(false, $"no check-in covering {s} is scheduled"),
        ["UsageTracked"] = (f, s) => f.Usage.TryGetValue(s, out var usage) && (f.Today - usage.AsOf.Date).TotalDays <= TrackingFreshnessDays
            ? new(true, $"{s} AU was measured on {usage.AsOf:yyyy-MM-dd}")
            : new(false, $"{s} AU has not been measured in the last {TrackingFreshnessDays} days"),
        ["AccelerationRequested"] = (f, s) => f.Plan.Programs.ServiceAcceleration.Contains(s)
            ? new(true, $"service acceleration was requested for {s}")
            : new(false, $"no service acceleration was requested for {s}"),
    };

    /// <summary>Usage reports cover 28 days and refresh daily; a measure older than a report window plus a
    /// week means nobody is tracking.</summary>
    public const int TrackingFreshnessDays = 35;

    public static IEnumerable<string> Names => s_conditions.Keys;

    public static ConditionResult Evaluate(string name, RuleFacts facts, M365Service service) =>
        s_conditions.TryGetValue(name, out var condition)
            ? condition(facts, service)
            : throw new InvalidOperationException($"The playbook catalogue names an unknown condition '{name}'. Known: {string.Join(", ", Names)}.");

    /// <summary>All conditions at once: they hold when every one holds; the facts say which did not.</summary>
    public static ConditionResult EvaluateAll(IEnumerable<string> names, RuleFacts facts, M365Service service)
    {
        var results = names.Select(n => Evaluate(n, facts, service)).ToList();
        var failed = results.Where(r => !r.Holds).ToList();
        return failed.Count == 0
            ? new ConditionResult(true, string.Join(" and ", results.Select(r => r.Fact)))
            : new ConditionResult(false, string.Join(" and ", failed.Select(r => r.Fact)));
    }
}

public readonly struct ConditionResult
{
    public ConditionResult(bool holds, string fact)
    {
        Holds = holds;
        Fact = fact;
    }

    public bool Holds { get; }
    public string Fact { get; }
}
