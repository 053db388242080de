using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Errors;

namespace FastTrack.Core.Plans;

/// <summary>What a plan must satisfy before it is written. Bad input is refused with an error that
/// names the field and the value; nothing is written.</summary>
public static class PlanValidator
{
    public static IEnumerable<FtError> Problems(CustomerPlan plan)
    {
        var tenant = plan.TenantId;
        if (tenant == Guid.Empty)
            yield return PlanValueErrors.InvalidTenantId(tenant);
        if (string.IsNullOrWhiteSpace(plan.Customer))
            yield return PlanValueErrors.InvalidCustomer(plan.Customer);
        foreach (var contact in new[] { plan.Csm, plan.FastTrackManager }.Where(c => c?.Email is not null))
        {
            if (!LooksLikeEmail(contact!.Email!))
                yield return PlanValueErrors.InvalidEmail(contact.Email!);
        }
        foreach (var service in plan.Services)
        {
            if (!IsPercent(service.TargetAU))
                yield return PlanValueErrors.TargetOutOfRange(service.Service, service.TargetAU);
            if (service.BaselineAU is { } baseline && !IsPercent(baseline))
                yield return PlanValueErrors.BaselineOutOfRange(service.Service, baseline);
            if (service.EnabledOn is { } enabled && service.CommunicatedOn is { } communicated && communicated < enabled)
                yield return PlanValueErrors.DatesOutOfOrder(service.Service, $"{service.Service} was communicated to users", communicated, "it was enabled", enabled);
        }
        foreach (var duplicate in plan.SuccessMetrics.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            yield return PlanValueErrors.DuplicateSuccessMetric(duplicate.Key);
        foreach (var metric in plan.SuccessMetrics.Where(m => string.IsNullOrWhiteSpace(m.Name)))
            yield return PlanValueErrors.InvalidSuccessMetric(metric);
        foreach (var blocker in plan.Blockers)
        {
            if (string.IsNullOrWhiteSpace(blocker.Description))
                yield return PlanValueErrors.InvalidBlocker(blocker.Id);
            if (blocker.Resolved is { } resolved && resolved < blocker.Opened)
                yield return PlanValueErrors.DatesOutOfOrder(blocker.Id, $"Blocker #{blocker.Id} would be resolved", resolved, "it was opened", blocker.Opened);
        }
    }

    /// <summary>What a plan read from a file must satisfy before any rule sees it: no holes in its lists, no
    /// duplicate identities, and values in their ranges (a target of 1e308 once made the report loop until
    /// memory ran out), besides everything a write checks.</summary>
    public static IEnumerable<FtError> ReadProblems(CustomerPlan plan)
    {
        var holes = Holes(plan).Take(1).ToList();
        if (holes.Count > 0) return holes;
        return Duplicates(plan).Concat(Ranges(plan)).Concat(Problems(plan));
    }

    // Every list of the plan, at any depth, must be there and have no null entry: a file edited by hand (or
    // cut by a disk) can say "null" anywhere, and each rule would otherwise meet it as a crash.
    private static IEnumerable<FtError> Holes(object node, string path = "plan")
    {
        foreach (var property in node.GetType().GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(node);
            var name = path + "." + char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
            if (value is System.Collections.IList list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is null) yield return PlanValueErrors.PlanListHole(name, $"a null entry (item {i + 1})");
                    else if (IsModel(list[i]!.GetType())) foreach (var hole in Holes(list[i]!, $"{name}[{i}]")) yield return hole;
                }
            }
            else if (value is null && (IsModel(property.PropertyType) && property.Name is "Programs" || typeof(System.Collections.IList).IsAssignableFrom(property.PropertyType)))
            {
                yield return PlanValueErrors.PlanListMissing(name);
            }
            else if (value is not null && IsModel(value.GetType()))
            {
                foreach (var hole in Holes(value, name)) yield return hole;
            }
        }
    }

    private static bool IsModel(Type type) => type.IsClass && type.Namespace?.StartsWith("FastTrack.Core", StringComparison.Ordinal) == true;

    private static IEnumerable<FtError> Duplicates(CustomerPlan plan)
    {
        foreach (var checkIn in plan.CheckIns.Where(c => c.Services.Count == 0))
            yield return PlanValueErrors.PlanListHole("plan.checkIns", $"check-in #{checkIn.Id}, which names no service");
        foreach (var group in plan.Services.GroupBy(s => s.Service).Where(g => g.Count() > 1))
            yield return PlanValueErrors.DuplicateEntry(group.Key, $"The service {group.Key}", group.Count());
        foreach (var group in plan.Tasks.GroupBy(t => (t.TaskId, t.Service)).Where(g => g.Count() > 1))
            yield return PlanValueErrors.DuplicateEntry(group.Key.TaskId, $"Task {group.Key.TaskId} for {group.Key.Service}", group.Count());
        foreach (var group in plan.Blockers.GroupBy(b => b.Id).Where(g => g.Count() > 1))
            yield return PlanValueErrors.DuplicateEntry(group.Key, $"Blocker #{group.Key}", group.Count());
        foreach (var group in plan.CheckIns.GroupBy(c => c.Id).Where(g => g.Count() > 1))
            yield return PlanValueErrors.DuplicateEntry(group.Key, $"Check-in #{group.Key}", group.Count());
        foreach (var group in plan.Tracking.GroupBy(t => t.Id).Where(g => g.Count() > 1))
            yield return PlanValueErrors.DuplicateEntry(group.Key, $"Tracking evidence #{group.Key}", group.Count());
    }

    private static IEnumerable<FtError> Ranges(CustomerPlan plan)
    {
        if (plan.Revision < 0) yield return PlanValueErrors.ValueOutOfRange(plan.Revision, "The revision", plan.Revision.ToString(), "it must not be negative");
        if (plan.TrainingReachTarget is { } reach && !IsPercent(reach))
            yield return PlanValueErrors.ValueOutOfRange(reach, "The training reach target", reach.ToString(), "it must be between 0 and 100");
        foreach (var metric in plan.SuccessMetrics.Where(m => !IsFinite(m.Target) || m.Current is { } c && !IsFinite(c)))
            yield return PlanValueErrors.ValueOutOfRange(metric.Name, $"The target or current value of the success metric '{metric.Name}'", "not a number", "both must be numbers");
        foreach (var training in plan.Training.Where(t => t.Attendees < 0))
            yield return PlanValueErrors.ValueOutOfRange(training.Attendees, $"The attendance of a {training.Service} training", $"{training.Attendees}", "it must not be negative");
        foreach (var checkIn in plan.CheckIns.Where(c => c.DurationMinutes < 1 || c.DurationMinutes > 24 * 60))
            yield return PlanValueErrors.ValueOutOfRange(checkIn.DurationMinutes, $"The length of check-in #{checkIn.Id}", $"{checkIn.DurationMinutes} minutes", "it must be between 1 minute and 24 hours");
        foreach (var snapshot in plan.UsageHistory)
        {
            // The percentage must be the counts' own: a hand-edited 1e308 or NaN is no measurement.
            var expected = snapshot.Denominator > 0 ? Math.Round(snapshot.ActiveUsers * 100.0 / snapshot.Denominator, 1, MidpointRounding.AwayFromZero) : (double?)null;
            if (snapshot.ActiveUsers < 0 || snapshot.Denominator < 0 || expected is null != snapshot.ActiveUsagePercent is null
                || snapshot.ActiveUsagePercent is { } p && (!IsFinite(p) || Math.Abs(p - expected!.Value) > 0.05))
            {
                yield return PlanValueErrors.ValueOutOfRange(snapshot.Service, $"The saved AU of {snapshot.Service} on {snapshot.AsOf:yyyy-MM-dd}",
                    $"{snapshot.ActiveUsagePercent}% of {snapshot.ActiveUsers} users active of {snapshot.Denominator}", "that is not a measurement: the percentage must be the counts' own");
            }
        }
    }

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    /// <summary>Throws the first problem, if any.</summary>
    public static void EnsureValid(CustomerPlan plan)
    {
        var problem = Problems(plan).FirstOrDefault();
        if (problem is not null) throw problem.ToException();
    }

    private static bool IsPercent(double value) => !double.IsNaN(value) && value >= 0 && value <= 100;

    private static bool LooksLikeEmail(string text)
    {
        var at = text.IndexOf('@');
        return at > 0 && at < text.Length - 1 && text.IndexOf('@', at + 1) < 0 && !text.Any(char.IsWhiteSpace);
    }
}
