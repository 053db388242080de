using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Rules;

/// <summary>The named facts the catalogue's "appliesWhen" and "doneWhen" are made of. The catalogue
/// combines them (data); this is the one place that says how each is read from a plan (code).</summary>
public static class Conditions
{
    private static readonly Dictionary<string, Func<RuleFacts, M365Service, ConditionResult>> s_conditions = new()
    {
        ["CsmAssigned"] = (f, _) => f.Plan.Csm is { } csm
            ? new(true, f.Say("Fact.CsmAssigned", csm.Name))
            : new(false, f.Say("Fact.NoCsm")),
        ["ServiceEnabled"] = (f, s) => f.Plan.Service(s).EnabledOn is { } on
            ? new(true, f.Say("Fact.Enabled", s, on))
            : new(false, f.Say("Fact.NotEnabled", s)),
        ["ServiceIntended"] = (f, s) => f.Plan.Service(s).Intended
            ? new(true, f.Say("Fact.Intended", s))
            : new(false, f.Say("Fact.NotIntended", s)),
        ["OneDriveAdoptionAccepted"] = (f, _) => f.Plan.Programs.OneDriveAdoption switch
        {
            ProgramDecision.Accepted => new(true, f.Say("Fact.ProgramAccepted", f.Plan.Programs.OneDriveAdoptionDecidedOn)),
            ProgramDecision.Declined => new(false, f.Say("Fact.ProgramDeclined", f.Plan.Programs.OneDriveAdoptionDecidedOn)),
            _ => new(false, f.Say("Fact.ProgramUndecided")),
        },
        ["CheckInScheduled"] = (f, s) => f.Plan.CheckIns.Where(c => c.IsPlanned && c.Date >= f.Today && c.Services.Contains(s)).OrderBy(c => c.Date).FirstOrDefault() is { } next
            ? new(true, f.Say("Fact.CheckInScheduled", s, next.Date))
            : new(false, f.Say("Fact.NoCheckIn", s)),
        ["TrackingShown"] = (f, s) => f.Plan.Tracking.Where(t => t.Covers(s)).OrderBy(t => t.Date).LastOrDefault() is { } shown
            ? new(true, f.Say("Fact.TrackingShown", s, shown.Tool, shown.Date, shown.ShownBy))
            : new(false, f.Say("Fact.TrackingNotShown", s)),
        ["AccelerationRequested"] = (f, s) => f.Plan.Programs.ServiceAcceleration.Contains(s)
            ? new(true, f.Say("Fact.AccelerationRequested", s))
            : new(false, f.Say("Fact.NoAcceleration", s)),
    };

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
        var and = facts.Say("Word.And");
        return failed.Count == 0
            ? new ConditionResult(true, string.Join(and, results.Select(r => r.Fact)))
            : new ConditionResult(false, string.Join(and, failed.Select(r => r.Fact)));
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
