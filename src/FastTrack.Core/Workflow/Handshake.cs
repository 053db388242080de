using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;
using FastTrack.Core.Text;

namespace FastTrack.Core.Workflow;

/// <summary>The CSM handshake for Modern Communications: for each eligible workload, moves its handshake
/// task (3731, 3732, 3733) forward and writes the handoff note.</summary>
public static class Handshake
{
    public static (Action<CustomerPlan> Change, IReadOnlyList<M365Service> Workloads) Plan(PlanAdvice advice, IReadOnlyList<M365Service>? workloads, TaskState status, DateTime today)
    {
        var plan = advice.Plan;
        var catalog = advice.Evaluation.Facts.Catalog;
        var handshakeTasks = advice.Evaluation.Tasks.Where(t => catalog.Activity(t.Activity).HandsWorkloadToCsm).ToList();
        if (plan.Csm is null)
        {
            throw WorkflowErrors.NoCsmAssigned(plan).ToException();
        }
        IReadOnlyList<M365Service> chosen;
        if (workloads is { Count: > 0 })
        {
            foreach (var workload in workloads)
            {
                var task = handshakeTasks.FirstOrDefault(t => t.Service == workload)
                    ?? throw WorkflowErrors.NotAHandshakeWorkload(workload, handshakeTasks.Select(t => t.Service)).ToException();
                if (!task.Applies) throw WorkflowErrors.WorkloadNotEnabled(plan, workload, task.Why).ToException();
            }
            chosen = workloads;
        }
        else
        {
            chosen = handshakeTasks.Where(t => t.IsOutstanding).Select(t => t.Service).ToList();
            if (chosen.Count == 0)
            {
                throw WorkflowErrors.NoWorkloadToHandOver(plan, handshakeTasks.Select(t => $"{t.Service} ({t.Applicability}, {t.Status})")).ToException();
            }
        }
        var handed = handshakeTasks.Where(t => chosen.Contains(t.Service)).Select(t => (t.TaskId, t.Service)).ToList();
        return (p =>
        {
            foreach (var (id, service) in handed)
                PlanChanges.SetTask(id, service, status, null, null, null, $"Handed to CSM {p.Csm?.Name}", null, today)(p);
        }, chosen);
    }

    public static IEnumerable<HandoffNote> Notes(PlanAdvice advice, IEnumerable<M365Service> workloads)
    {
        var facts = advice.Evaluation.Facts;
        var plan = advice.Plan;
        foreach (var workload in workloads)
        {
            var task = advice.Evaluation.Tasks.First(t => facts.Catalog.Activity(t.Activity).HandsWorkloadToCsm && t.Service == workload);
            facts.Usage.TryGetValue(workload, out var usage);
            yield return new HandoffNote
            {
                TenantId = plan.TenantId,
                Customer = plan.Customer,
                CsmName = plan.Csm?.Name ?? "",
                CsmEmail = plan.Csm?.Email,
                Workload = workload,
                TaskId = task.TaskId,
                TaskStatus = task.Status.ToString(),
                CsmOwnsAdoption = task.Status == TaskState.Done,
                ActiveUsagePercent = usage?.ActiveUsagePercent,
                AsOf = usage?.AsOf,
                TargetPercent = facts.TargetOf(workload),
                MeetsTarget = facts.MeetsTarget(workload),
                Trend = PlanUsageFacts.TrendText(plan, workload),
                OpenBlockers = plan.OpenBlockers.Where(b => b.Service == workload).Select(b => $"#{b.Id} {b.Description}").ToJoinedList(),
            };
        }
    }
}
