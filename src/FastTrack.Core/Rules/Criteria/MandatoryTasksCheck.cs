using System.Linq;

namespace FastTrack.Core.Rules;

/// <summary>"Every mandatory task that applies must be Done (or NotApplicable with a recorded reason) before
/// promotion": the page marks 3740 and 3741 (M)andatory once the customer takes part in the adoption program.
/// While that decision is pending, whether they apply is unknown.</summary>
internal static class MandatoryTasksCheck
{
    public static (CriterionResult, string) Evaluate(RuleFacts facts, PlaybookEvaluation evaluation)
    {
        var mandatory = evaluation.Tasks.Where(t => t.Applicability == Applicability.Mandatory).ToList();
        var open = mandatory.Where(t => !t.IsClosed).ToList();
        if (open.Count > 0)
        {
            return (CriterionResult.Fail, facts.Say("Ev.MandatoryOpen", string.Join(", ", open.Select(t =>
                t.Status == Plans.TaskState.NotApplicable ? facts.Say("Ev.TaskNoReason", t.TaskId, t.Name) : facts.Say("Ev.TaskOpen", t.TaskId, t.Name, t.Status)))));
        }
        var pending = evaluation.Tasks.Where(t => t.Applicability == Applicability.AwaitingDecision
            && facts.Catalog.Task(t.TaskId)?.Mandatory == true).ToList();
        if (pending.Count > 0)
            return (CriterionResult.Unknown, facts.Say("Ev.MandatoryPending", string.Join(", ", pending.Select(t => t.TaskId)), pending[0].Why));
        if (mandatory.Count == 0) return (CriterionResult.NotApplicable, facts.Say("Ev.NoMandatoryTask"));
        return (CriterionResult.Pass, facts.Say("Ev.MandatoryClosed", string.Join(", ", mandatory.Select(t =>
            t.Status == Plans.TaskState.Done ? facts.Say("Ev.TaskDoneOn", t.TaskId, t.DoneOn) : facts.Say("Ev.NotApplicableBecause", t.TaskId, t.Reason)))));
    }
}
