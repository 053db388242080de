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
