using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastTrack.Core.Licensing;
using FastTrack.Core.Plans;
using FastTrack.Core.Playbook;
using FastTrack.Core.Text;
using FastTrack.Core.Usage;

namespace FastTrack.Core.KeyInputs;

/// <summary>Finds when each service was enabled. subscribedSkus says which service plans are provisioned today;
/// GET /organization says since when each was assigned to the tenant: that date, the earliest of the service's
/// provisioned plans, is the enabled date. When no plan has a date, the first day with an active user in the
/// D180 daily counts is used, but only when the report shows a start (28 days without any user came first): a
/// service in use near the report's first day started earlier, and no date is proposed rather than a wrong one.</summary>
public static class KeyInputDetector
{
    /// <summary>The enabled date of each of <paramref name="services"/>; when null, the plan's intended services, or
    /// every service when none is intended.</summary>
    public static IReadOnlyList<KeyInputProposal> Find(CustomerPlan plan, IEnumerable<M365Service>? services, IUsageDataSource source)
    {
        if (source is not IServiceHistorySource history) throw KeyInputErrors.KeyInputSourceHasNoHistory(source.Description).ToException();
        services ??= plan.Services.Any(s => s.Intended)
            ? plan.Services.Where(s => s.Intended).Select(s => s.Service)
            : (M365Service[])Enum.GetValues(typeof(M365Service));
        var skus = source.SubscribedSkus() ?? Array.Empty<SubscribedSku>();
        var assigned = history.AssignedPlans();
        var activity = history.DailyActivity();
        return services.Select(service => Find(plan, service, skus, assigned, activity, source.Description)).ToList();
    }

    internal static KeyInputProposal Find(CustomerPlan plan, M365Service service, IReadOnlyList<SubscribedSku> skus,
        IReadOnlyList<AssignedPlan> assigned, DailyActivity activity, string origin)
    {
        var evidence = new JoinedList<string>();
        var provisioned = ProvisionedPlans(skus, service);
        var (enabled, from) = AssignedDate(service, provisioned, assigned, evidence);
        if (provisioned.Count > 0 && DailyActivityParser.Services.Contains(service))
        {
            var firstUse = activity.FirstUse(service);
            evidence.Add(Activity(activity, service, firstUse));
            if (enabled is null && firstUse is { } day) (enabled, from) = (day, "activity in D180 counts");
        }
        var current = plan.Service(service);
        return new KeyInputProposal
        {
            TenantId = plan.TenantId,
            Customer = plan.Customer,
            Service = service,
            EnabledOn = enabled,
            Source = from,
            From = origin,
            Evidence = evidence,
            CurrentEnabledOn = current.EnabledOn,
            CurrentSource = current.EnabledSource,
            Status = enabled is null ? KeyInputStatus.NotFound
                : current.EnabledOn is null ? KeyInputStatus.New
                : current.EnabledOn == enabled ? KeyInputStatus.Same : KeyInputStatus.Differs,
        };
    }

    // The earliest assigned date of the service's provisioned plans, and which plan gave it; what was read goes to evidence.
    private static (DateTime? Date, string? From) AssignedDate(M365Service service, Dictionary<Guid, string> provisioned,
        IReadOnlyList<AssignedPlan> assigned, JoinedList<string> evidence)
    {
        if (provisioned.Count == 0)
        {
            evidence.Add($"no enabled subscription provisions a {service} service plan");
            return (null, null);
        }
        if (assigned.Where(a => a.IsEnabled && provisioned.ContainsKey(a.ServicePlanId)).OrderBy(a => a.AssignedOn).FirstOrDefault() is not { } earliest)
        {
            evidence.Add($"service plans {string.Join(", ", provisioned.Values.Distinct())} provisioned, with no assigned date in organization assignedPlans");
            return (null, null);
        }
        var name = provisioned[earliest.ServicePlanId];
        evidence.Add($"service plan {name} assigned to the tenant on {Day(earliest.AssignedOn)} (organization assignedPlans)");
        return (earliest.AssignedOn, $"plan {name}");
    }

    // The service's plans provisioned today in enabled subscriptions, by id, with their names.
    private static Dictionary<Guid, string> ProvisionedPlans(IEnumerable<SubscribedSku> skus, M365Service service) =>
        skus.Where(s => string.Equals(s.CapabilityStatus, "Enabled", StringComparison.OrdinalIgnoreCase))
            .SelectMany(s => s.ServicePlans)
            .Where(p => string.Equals(p.ProvisioningStatus, "Success", StringComparison.OrdinalIgnoreCase) && ServicePlanMap.Default.ServicesOf(p).Contains(service))
            .GroupBy(p => p.ServicePlanId)
            .ToDictionary(g => g.Key, g => g.First().ServicePlanName);

    private static string Activity(DailyActivity activity, M365Service service, DateTime? firstUse) =>
        firstUse is { } day ? $"first active user on {Day(day)} in the daily counts from {Day(activity.FirstDay)} to {Day(activity.LastDay)}"
        : activity.InUseBefore(service) ? $"active users from {Day(activity.FirstActive[service])}, within {DailyActivity.QuietDays} days of the first day of the daily counts ({Day(activity.FirstDay)}): in use before it"
        : $"no active user in the daily counts from {Day(activity.FirstDay)} to {Day(activity.LastDay)}";

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
