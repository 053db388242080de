using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Errors;
using FastTrack.Core.Text;

namespace FastTrack.Core.Plans;

/// <summary>Finds plans by tenant id, domain or customer name (wildcards) and phase. Lists every plan
/// when nothing is given; an unreadable plan file is an error item and the others still come.</summary>
public sealed class PlanQuery
{
    public IReadOnlyList<Guid>? TenantIds { get; set; }
    public IReadOnlyList<string>? Domains { get; set; }
    public IReadOnlyList<string>? Customers { get; set; }
    public IReadOnlyList<PlanPhase>? Phases { get; set; }

    public IEnumerable<Outcome<CustomerPlan>> Run(PlanStore store)
    {
        var outcomes = TenantIds is null
            ? store.ReadAll().ToList()
            : TenantIds.Distinct().Select(id => store.TryRead(id) ?? Outcome<CustomerPlan>.Fail(NotFound(id, $"tenant {id}"))).ToList();
        var domainPatterns = Domains?.Select(d => new Wildcard(d)).ToList();
        var customerPatterns = Customers?.Select(c => new Wildcard(c)).ToList();

        var matches = outcomes.Where(o => o.Succeeded).Select(o => o.Value!)
            .Where(p => domainPatterns is null || domainPatterns.Any(w => w.IsMatch(p.PrimaryDomain)))
            .Where(p => customerPatterns is null || customerPatterns.Any(w => w.IsMatch(p.Customer)))
            .Where(p => Phases is null || Phases.Contains(p.Phase))
            .OrderBy(p => p.Customer, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        foreach (var failure in outcomes.Where(o => !o.Succeeded)) yield return failure;
        foreach (var plan in matches) yield return Outcome<CustomerPlan>.Ok(plan);

        // A name without wildcards that matched nothing is a mistake worth saying; a pattern is not.
        foreach (var domain in (Domains ?? Array.Empty<string>()).Where(d => !Wildcard.ContainsWildcard(d)))
        {
            if (!matches.Any(p => string.Equals(p.PrimaryDomain, domain, StringComparison.OrdinalIgnoreCase)))
                yield return Outcome<CustomerPlan>.Fail(NotFound(domain, $"the domain '{domain}'"));
        }
        foreach (var customer in (Customers ?? Array.Empty<string>()).Where(c => !Wildcard.ContainsWildcard(c)))
        {
            if (!matches.Any(p => string.Equals(p.Customer, customer, StringComparison.OrdinalIgnoreCase)))
                yield return Outcome<CustomerPlan>.Fail(NotFound(customer, $"the customer '{customer}'"));
        }
    }

    private static FtError NotFound(object target, string what) => PlanErrors.PlanNotFound(target, what);
}
