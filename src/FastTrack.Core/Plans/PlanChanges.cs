using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;
using FastTrack.Core.Text;

namespace FastTrack.Core.Plans;

/// <summary>The small, re-appliable changes behind Add-FtBlocker, Resolve-FtBlocker,
/// Set-FtSuccessMetric and Add-FtTraining (see PlanStore.Update on why they are re-applied).</summary>
public static class PlanChanges
{
    public static Action<CustomerPlan> AddBlocker(M365Service? service, string description, string? category, string? owner, DateTime opened) =>
        plan => plan.Blockers.Add(new Blocker
        {
            Id = plan.Blockers.Count == 0 ? 1 : plan.Blockers.Max(b => b.Id) + 1,
            Service = service,
            Description = description,
            Category = category,
            Owner = owner,
            Opened = opened.Date,
        });

    public static Action<CustomerPlan> ResolveBlocker(int id, string resolution, DateTime resolved) =>
        plan =>
        {
            var blocker = plan.Blockers.FirstOrDefault(b => b.Id == id)
                ?? throw PlanErrors.BlockerNotFound(plan, id).ToException();
            if (!blocker.IsOpen) throw PlanErrors.BlockerAlreadyResolved(plan, blocker).ToException();
            blocker.Resolved = resolved.Date;
            blocker.Resolution = resolution;
        };

    /// <summary>Adds the metric, or updates the given fields of the one with the same name.</summary>
    public static Action<CustomerPlan> SetSuccessMetric(string name, M365Service? service, double? target, double? current, string? unit, MetricDirection? direction = null) =>
        plan =>
        {
            var metric = plan.SuccessMetrics.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
            if (metric is null)
            {
                if (target is null) throw PlanErrors.SuccessMetricTargetMissing(plan, name).ToException();
                metric = new SuccessMetric { Name = name };
                plan.SuccessMetrics.Add(metric);
            }
            if (service is not null) metric.Service = service;
            if (target is not null) metric.Target = target.Value;
            if (current is not null) metric.Current = current;
            if (unit is not null) metric.Unit = unit;
            if (direction is not null) metric.Direction = direction.Value;
        };

    public static Action<CustomerPlan> AddTraining(M365Service service, DateTime date, string audience, int? attendees) =>
        plan => plan.Training.Add(new TrainingRecord { Service = service, Date = date.Date, Audience = audience, Attendees = attendees });

    /// <summary>Records that the customer was shown how to track adoption (no services: every service).</summary>
    public static Action<CustomerPlan> AddTrackingEvidence(TrackingTool tool, DateTime date, string shownBy, string? shownTo, IReadOnlyList<M365Service> services, string? notes) =>
        plan => plan.Tracking.Add(new TrackingEvidence
        {
            Id = plan.Tracking.Count == 0 ? 1 : plan.Tracking.Max(t => t.Id) + 1,
            Tool = tool,
            Date = date.Date,
            ShownBy = shownBy,
            ShownTo = shownTo,
            Services = services.Distinct().ToJoinedList(),
            Notes = notes,
        });

    /// <summary>Records how a check-in went: held or missed (or back to planned), with notes.</summary>
    public static Action<CustomerPlan> RecordCheckIn(int id, CheckInStatus status, string? notes, string by, DateTimeOffset now) =>
        plan =>
        {
            var checkIn = plan.CheckIns.FirstOrDefault(c => c.Id == id)
                ?? throw PlanErrors.CheckInNotFound(plan, id).ToException();
            if (status != CheckInStatus.Planned && checkIn.Date.Date > now.LocalDateTime.Date)
                throw PlanErrors.CheckInInFuture(plan, checkIn, status).ToException();
            checkIn.Status = status;
            if (notes is not null) checkIn.Notes = notes.Length == 0 ? null : notes;
            checkIn.RecordedBy = status == CheckInStatus.Planned ? null : by;
            checkIn.RecordedOn = status == CheckInStatus.Planned ? null : now;
        };

    /// <summary>Moves an FTOP task forward for one service (the task's only one when null); marking it Done
    /// records today unless a date is given; NotApplicable needs a reason, kept with the task.</summary>
    public static Action<CustomerPlan> SetTask(int taskId, M365Service? service, TaskState? status, string? owner, DateTime? due, DateTime? doneOn,
        string? note, string? reason, DateTime today) =>
        plan =>
        {
            var task = FindTask(plan, taskId, service);
            if (status == TaskState.NotApplicable && string.IsNullOrWhiteSpace(reason ?? task.Reason))
                throw PlanErrors.NotApplicableReasonRequired(plan, task).ToException();
            if (status is not null) task.Status = status.Value;
            if (owner is not null) task.Owner = owner.Length == 0 ? null : owner;
            if (due is not null) task.Due = due.Value.Date;
            if (note is not null) task.Note = note.Length == 0 ? null : note;
            if (reason is not null) task.Reason = reason.Length == 0 ? null : reason;
            if (doneOn is not null) task.DoneOn = doneOn.Value.Date;
            else if (status == TaskState.Done && task.DoneOn is null) task.DoneOn = today.Date;
            if (task.Status != TaskState.Done) task.DoneOn = doneOn?.Date;
            if (task.Status != TaskState.NotApplicable && status is not null) task.Reason = reason;
        };

    private static TaskProgress FindTask(CustomerPlan plan, int taskId, M365Service? service)
    {
        var entries = plan.Tasks.Where(t => t.TaskId == taskId).ToList();
        if (entries.Count == 0)
            throw PlaybookErrors.TaskNotFound(taskId, $"The plan of {plan.Customer}", plan.Tasks.Select(t => t.TaskId).Distinct()).ToException();
        if (service is { } s)
        {
            return entries.FirstOrDefault(t => t.Service == s)
                ?? throw PlanErrors.TaskNotForService(plan, taskId, entries.Select(t => t.Service), s).ToException();
        }
        if (entries.Count > 1) throw PlanErrors.TaskServiceRequired(plan, taskId, entries.Select(t => t.Service)).ToException();
        return entries[0];
    }

    /// <summary>Moves the plan to another phase and records who, when and why.</summary>
    public static Action<CustomerPlan> ChangePhase(PlanPhase to, string by, DateTimeOffset on, bool forced, string? reason, IReadOnlyList<string> failedCriteria) =>
        plan =>
        {
            plan.PhaseHistory.Add(new PhaseChange
            {
                From = plan.Phase,
                To = to,
                On = on,
                By = by,
                Forced = forced,
                Reason = reason,
                FailedCriteria = failedCriteria.ToJoinedList(),
            });
            plan.Phase = to;
        };

    /// <summary>Saves measurements into the usage history. A measurement of the same service, report date
    /// and basis replaces the earlier one, so a daily job run twice leaves one point. The first
    /// measurement of a service without a baseline becomes its baseline.</summary>
    public static Action<CustomerPlan> RecordUsage(IReadOnlyList<ActiveUsage> measured, DateTimeOffset savedOn) =>
        plan =>
        {
            foreach (var usage in measured)
            {
                var service = plan.Services.FirstOrDefault(s => s.Service == usage.Service);
                var replaced = plan.UsageHistory.FirstOrDefault(u => u.Service == usage.Service && u.AsOf == usage.AsOf.Date && u.Basis == usage.Basis);
                var earliest = plan.UsageHistory.Where(u => u.Service == usage.Service && u.Basis == usage.Basis).OrderBy(u => u.AsOf).FirstOrDefault();
                // A re-measured first snapshot corrects the baseline it set; a baseline set by hand stays.
                var baselineFromReplaced = replaced is not null && replaced == earliest && service?.BaselineAU == replaced.ActiveUsagePercent;
                if (replaced is not null) plan.UsageHistory.Remove(replaced);
                plan.UsageHistory.Add(UsageSnapshot.From(usage, savedOn));
                if (service is not null && service.Basis == usage.Basis && (service.BaselineAU is null || baselineFromReplaced))
                {
                    service.BaselineAU = usage.ActiveUsagePercent;
                }
            }
            plan.UsageHistory.Sort((a, b) => a.AsOf != b.AsOf ? a.AsOf.CompareTo(b.AsOf) : a.Service.CompareTo(b.Service));
            foreach (var domain in measured.SelectMany(m => m.UserDomains).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!plan.ReportDomains.Contains(domain, StringComparer.OrdinalIgnoreCase) && plan.ReportDomains.Count < 20) plan.ReportDomains.Add(domain);
            }
        };
}
