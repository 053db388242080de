using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Errors;
using FastTrack.Core.Plans;
using FastTrack.Core.Usage;

namespace FastTrack.Core.Measurement;

/// <summary>Are these reports the plan's customer's? Exports carry no tenant id (subscribedSkus does, and is
/// checked on its own), but their users' domains say whose they are: a folder of contoso.com reports must not
/// land in fabrikam.com's plan. Compared with the plan's primary domain, and with the domains its earlier
/// measurements saw; a domain of the same organisation (contoso.com beside contoso.onmicrosoft.com, or a
/// subdomain) matches.</summary>
public static class OrganisationCheck
{
    public static FtError? Mismatch(CustomerPlan plan, IEnumerable<ActiveUsage> measured)
    {
        var seen = measured.SelectMany(m => m.UserDomains).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var known = new[] { plan.PrimaryDomain }.Concat(plan.ReportDomains).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d!).ToList();
        if (seen.Count == 0 || known.Count == 0 || seen.Any(s => known.Any(k => SameOrganisation(s, k)))) return null;
        return MeasurementErrors.ReportsOfAnotherOrganisation(plan, seen, known);
    }

    private static bool SameOrganisation(string a, string b) =>
        string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
        || a.EndsWith("." + b, StringComparison.OrdinalIgnoreCase) || b.EndsWith("." + a, StringComparison.OrdinalIgnoreCase)
        || string.Equals(FirstLabel(a), FirstLabel(b), StringComparison.OrdinalIgnoreCase);

    private static string FirstLabel(string domain) => domain.Split('.')[0];
}
