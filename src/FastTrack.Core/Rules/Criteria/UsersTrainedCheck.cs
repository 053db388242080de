using System;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;

namespace FastTrack.Core.Rules;

/// <summary>Key outcome: "Employees/end users are generally aware of how to use new services/capabilities by
/// receiving some form of training". Every intended service needs training whose attendees reach a share of
/// its licensed users (the plan's TrainingReachTarget, else the catalogue's reading of 10%); the reach is
/// counted against the latest measurement's denominator (licensed users, or paid units on that basis), so it
/// is known once AU was measured.</summary>
internal static class UsersTrainedCheck
{
    public static (CriterionResult, string) Evaluate(RuleFacts facts, PlaybookEvaluation evaluation)
    {
        var intended = facts.Plan.IntendedServices.ToList();
        if (intended.Count == 0) return (CriterionResult.Unknown, facts.Say("Ev.NoIntendedService"));
        var target = facts.Plan.TrainingReachTarget ?? facts.Catalog.TrainingReachPercent;
        var results = intended.Select(s => Reach(facts, s, target)).ToList();
        var result = results.Any(r => r.Result == CriterionResult.Fail) ? CriterionResult.Fail
            : results.Any(r => r.Result == CriterionResult.Unknown) ? CriterionResult.Unknown
            : CriterionResult.Pass;
        return (result, string.Join("; ", results.Select(r => r.Text)));
    }

    private static (CriterionResult Result, string Text) Reach(RuleFacts facts, M365Service service, double target)
    {
        var trainings = facts.Plan.Training.Where(t => t.Service == service).ToList();
        if (trainings.Count == 0) return (CriterionResult.Fail, facts.Say("Ev.NoTraining", service));
        var attendees = trainings.Sum(t => (long)(t.Attendees ?? 0));
        var uncounted = trainings.Count(t => t.Attendees is null);
        var note = uncounted == 0 ? "" : facts.Say("Ev.TrainingUncounted", uncounted);
        if (!facts.Usage.TryGetValue(service, out var latest) || latest.Denominator <= 0)
            return (CriterionResult.Unknown, facts.Say("Ev.TrainingReachUnknown", service, attendees, trainings.Count) + note);
        var reach = Math.Min(100, attendees * 100.0 / latest.Denominator);
        var of = facts.Say(latest.Basis == UsageBasis.LicensedUsers ? "Word.LicensedUsers" : "Word.PaidUnits");
        var text = facts.Say("Ev.TrainingReach", service, attendees, latest.Denominator, of, reach, target) + note;
        return (reach >= target ? CriterionResult.Pass : CriterionResult.Fail, text);
    }
}
