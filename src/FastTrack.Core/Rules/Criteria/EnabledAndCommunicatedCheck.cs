using System.Linq;

namespace FastTrack.Core.Rules;

/// <summary>Key input: "The customer enabled intended service(s) and communicated their availability,
/// benefits, and capabilities to all impacted parties."</summary>
internal static class EnabledAndCommunicatedCheck
{
    public static (CriterionResult, string) Evaluate(RuleFacts facts, PlaybookEvaluation evaluation)
    {
        var intended = facts.Plan.Services.Where(s => s.Intended).ToList();
        if (intended.Count == 0) return (CriterionResult.Fail, facts.Say("Ev.NoIntendedService"));
        var missing = intended.Where(s => s.EnabledOn is null || s.CommunicatedOn is null)
            .Select(s => s.EnabledOn is null ? facts.Say("Fact.NotEnabled", s.Service) : facts.Say("Fact.NotCommunicated", s.Service)).ToList();
        return missing.Count == 0
            ? (CriterionResult.Pass, facts.Say("Ev.EnabledAndCommunicated", string.Join("; ", intended.Select(s => KeyInputs(facts, s)))))
            : (CriterionResult.Fail, string.Join("; ", missing));
    }

    // Which dates were found in the tenant's data and which were typed in: a detected date names its source.
    private static string KeyInputs(RuleFacts facts, Plans.PlannedService service) =>
        facts.Say("Ev.ServiceKeyInputs", service.Service, service.EnabledOn,
            service.EnabledSource is { } source ? facts.Say("KeyInput.Detected", source) : facts.Say("KeyInput.Entered"), service.CommunicatedOn);
}
