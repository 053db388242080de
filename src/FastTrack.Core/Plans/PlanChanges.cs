using System;
using System.Linq;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;

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
                ?? throw new FtError("BlockerNotFound", FtErrorKind.ObjectNotFound, id,
                    $"The plan of {plan.Customer} has no blocker #{id}. List them with Get-FtBlocker.").ToException();
            if (!blocker.IsOpen)
            {
                throw new FtError("BlockerAlreadyResolved", FtErrorKind.InvalidOperation, id,
                    $"Blocker #{id} of {plan.Customer} was already resolved on {blocker.Resolved:yyyy-MM-dd}: {blocker.Resolution}").ToException();
            }
            blocker.Resolved = resolved.Date;
            blocker.Resolution = resolution;
        };

    /// <summary>Adds the metric, or updates the given fields of the one with the same name.</summary>
    public static Action<CustomerPlan> SetSuccessMetric(string name, M365Service? service, double? target, double? current, string? unit) =>
        plan =>
        {
            var metric = plan.SuccessMetrics.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
            if (metric is null)
            {
                if (target is null)
                {
                    throw new FtError("SuccessMetricTargetMissing", FtErrorKind.InvalidArgument, name,
                        $"The plan of {plan.Customer} has no success metric '{name}' yet: give its -Target to add it.").ToException();
                }
                metric = new SuccessMetric { Name = name };
                plan.SuccessMetrics.Add(metric);
            }
            if (service is not null) metric.Service = service;
            if (target is not null) metric.Target = target.Value;
            if (current is not null) metric.Current = current;
            if (unit is not null) metric.Unit = unit;
        };

    public static Action<CustomerPlan> AddTraining(M365Service service, DateTime date, string audience, int? attendees) =>
        plan => plan.Training.Add(new TrainingRecord { Service = service, Date = date.Date, Audience = audience, Attendees = attendees });
}
