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
            yield return Invalid("InvalidTenantId", tenant, "The tenant id must be a tenant's GUID, not 00000000-0000-0000-0000-000000000000.");
        if (string.IsNullOrWhiteSpace(plan.Customer))
            yield return Invalid("InvalidCustomer", plan.Customer, "The customer name must not be empty.");
        foreach (var contact in new[] { plan.Csm, plan.FastTrackManager }.Where(c => c?.Email is not null))
        {
            if (!LooksLikeEmail(contact!.Email!))
                yield return Invalid("InvalidEmail", contact.Email, $"'{contact.Email}' is not an e-mail address.");
        }
        foreach (var service in plan.Services)
        {
            if (!IsPercent(service.TargetAU))
                yield return Invalid("TargetOutOfRange", service.TargetAU, $"The target AU of {service.Service} must be between 0 and 100 (it was {service.TargetAU}).");
            if (service.BaselineAU is { } baseline && !IsPercent(baseline))
                yield return Invalid("BaselineOutOfRange", baseline, $"The baseline AU of {service.Service} must be between 0 and 100 (it was {baseline}).");
            if (service.EnabledOn is { } enabled && service.CommunicatedOn is { } communicated && communicated < enabled)
                yield return OutOfOrder(service.Service, $"{service.Service} was communicated to users on {communicated:yyyy-MM-dd}, before it was enabled on {enabled:yyyy-MM-dd}.");
        }
        foreach (var duplicate in plan.SuccessMetrics.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            yield return Invalid("DuplicateSuccessMetric", duplicate.Key, $"The success metric '{duplicate.Key}' is defined twice.");
        foreach (var metric in plan.SuccessMetrics.Where(m => string.IsNullOrWhiteSpace(m.Name)))
            yield return Invalid("InvalidSuccessMetric", metric, "A success metric needs a name.");
        foreach (var blocker in plan.Blockers)
        {
            if (string.IsNullOrWhiteSpace(blocker.Description))
                yield return Invalid("InvalidBlocker", blocker.Id, $"Blocker #{blocker.Id} needs a description.");
            if (blocker.Resolved is { } resolved && resolved < blocker.Opened)
                yield return OutOfOrder(blocker.Id, $"Blocker #{blocker.Id} would be resolved on {resolved:yyyy-MM-dd}, before it was opened on {blocker.Opened:yyyy-MM-dd}.");
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
                    if (list[i] is null) yield return Invalid("PlanListHole", name, $"'{name}' holds a null entry (item {i + 1}).");
                    else if (IsModel(list[i]!.GetType())) foreach (var hole in Holes(list[i]!, $"{name}[{i}]")) yield return hole;
                }
            }
            else if (value is null && (IsModel(property.PropertyType) && property.Name is "Programs" || typeof(System.Collections.IList).IsAssignableFrom(property.PropertyType)))
            {
                yield return Invalid("PlanListMissing", name, $"'{name}' is null; it must be present (a list may be empty).");
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
            yield return Invalid("PlanListHole", "checkIns.services", $"Check-in #{checkIn.Id} names no service.");
        foreach (var group in plan.Services.GroupBy(s => s.Service).Where(g => g.Count() > 1))
            yield return Invalid("DuplicateEntry", group.Key, $"The service {group.Key} is listed {group.Count()} times.");
        foreach (var group in plan.Tasks.GroupBy(t => (t.TaskId, t.Service)).Where(g => g.Count() > 1))
            yield return Invalid("DuplicateEntry", group.Key.TaskId, $"Task {group.Key.TaskId} for {group.Key.Service} is listed {group.Count()} times.");
        foreach (var group in plan.Blockers.GroupBy(b => b.Id).Where(g => g.Count() > 1))
            yield return Invalid("DuplicateEntry", group.Key, $"Blocker #{group.Key} is listed {group.Count()} times: blocker numbers must be unique.");
        foreach (var group in plan.CheckIns.GroupBy(c => c.Id).Where(g => g.Count() > 1))
            yield return Invalid("DuplicateEntry", group.Key, $"Check-in #{group.Key} is listed {group.Count()} times: check-in numbers must be unique.");
        foreach (var group in plan.Tracking.GroupBy(t => t.Id).Where(g => g.Count() > 1))
            yield return Invalid("DuplicateEntry", group.Key, $"Tracking evidence #{group.Key} is listed {group.Count()} times.");
    }

    private static IEnumerable<FtError> Ranges(CustomerPlan plan)
    {
        if (plan.Revision < 0) yield return Invalid("ValueOutOfRange", plan.Revision, $"The revision must not be negative (it was {plan.Revision}).");
        if (plan.TrainingReachTarget is { } reach && !IsPercent(reach))
            yield return Invalid("ValueOutOfRange", reach, $"The training reach target must be between 0 and 100 (it was {reach}).");
        foreach (var metric in plan.SuccessMetrics.Where(m => !IsFinite(m.Target) || m.Current is { } c && !IsFinite(c)))
            yield return Invalid("ValueOutOfRange", metric.Name, $"The success metric '{metric.Name}' has a target or current value that is not a number.");
        foreach (var training in plan.Training.Where(t => t.Attendees < 0))
            yield return Invalid("ValueOutOfRange", training.Attendees, $"A {training.Service} training has {training.Attendees} attendees.");
        foreach (var checkIn in plan.CheckIns.Where(c => c.DurationMinutes < 1 || c.DurationMinutes > 24 * 60))
            yield return Invalid("ValueOutOfRange", checkIn.DurationMinutes, $"Check-in #{checkIn.Id} lasts {checkIn.DurationMinutes} minutes.");
        foreach (var snapshot in plan.UsageHistory)
        {
            // The percentage must be the counts' own: a hand-edited 1e308 or NaN is no measurement.
            var expected = snapshot.Denominator > 0 ? Math.Round(snapshot.ActiveUsers * 100.0 / snapshot.Denominator, 1, MidpointRounding.AwayFromZero) : (double?)null;
            if (snapshot.ActiveUsers < 0 || snapshot.Denominator < 0 || expected is null != snapshot.ActiveUsagePercent is null
                || snapshot.ActiveUsagePercent is { } p && (!IsFinite(p) || Math.Abs(p - expected!.Value) > 0.05))
            {
                yield return Invalid("ValueOutOfRange", snapshot.Service,
                    $"The saved AU of {snapshot.Service} on {snapshot.AsOf:yyyy-MM-dd} is not a measurement ({snapshot.ActiveUsers} of {snapshot.Denominator}, {snapshot.ActiveUsagePercent}%).");
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

    private static FtError Invalid(string id, object? target, string message) => new(id, FtErrorKind.InvalidArgument, target, message);

    private static FtError OutOfOrder(object target, string message) => new("DatesOutOfOrder", FtErrorKind.InvalidArgument, target, message);
}
