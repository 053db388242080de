using System.Linq;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Rules;

/// <summary>Key outcome: "The CSM leads adoption and success activities for Modern Communications
/// services." The page makes the CSM path conditional ("When a CSM is aligned to a customer and a Modern
/// Communications service ... is enabled"): with no CSM, or no such workload intended and enabled, it does
/// not apply. A workload counts when its handshake task is closed: done, or not applicable with a reason.</summary>
internal static class CsmLeadsCheck
{
    public static (CriterionResult, string) Evaluate(RuleFacts facts, PlaybookEvaluation evaluation)
    {
        var plan = facts.Plan;
        if (plan.Csm is null) return (CriterionResult.NotApplicable, facts.Say("Ev.NoCsmAligned"));
        var workloads = facts.Catalog.Services
            .Where(s => s.IsModernComms && plan.Service(s.Id).Intended && plan.Service(s.Id).EnabledOn is not null)
            .Select(s => s.Id).ToList();
        if (workloads.Count == 0) return (CriterionResult.NotApplicable, facts.Say("Ev.NoModernCommsWorkload"));

        var handshakes = evaluation.Tasks
            .Where(t => facts.Catalog.Activity(t.Activity).HandsWorkloadToCsm && workloads.Contains(t.Service)).ToList();
        var open = handshakes.Where(t => !t.IsClosed).Select(t => facts.Say("Ev.TaskState", t.Service, t.TaskId, t.Status)).ToList();
        if (open.Count > 0) return (CriterionResult.Fail, facts.Say("Ev.NotHandedYet", plan.Csm.Name, string.Join(", ", open)));
        var closed = handshakes.Select(t => t.Status == TaskState.Done
            ? facts.Say("Ev.HandedOn", t.Service, t.DoneOn)
            : facts.Say("Ev.NotApplicableBecause", t.Service, t.Reason));
        return (CriterionResult.Pass, facts.Say("Ev.CsmOwns", plan.Csm.Name, string.Join(", ", closed)));
    }
}
