using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastTrack.Core.Measurement;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Portfolio;
using FastTrack.Core.Rules;

namespace FastTrack.Core.Delivery;

/// <summary>Gathers a digest from plans: the riskiest customers ranked as Get-FtPortfolio ranks them, each intended
/// service's AU move between its last two measurements, and the next actions due within a week. A digest is read
/// on a phone: a few of each, the counts say the rest is in the attached report.</summary>
public static class DigestBuilder
{
    public const int MaxRisks = 5;
    public const int MaxReasons = 3;
    public const int MaxMoves = 10;
    public const int MaxActions = 10;
    /// <summary>Actions due within this many days (and every overdue one) are in the digest.</summary>
    public const int ActionWindowDays = 7;

    public static DigestContent Build(IReadOnlyList<CustomerPlan> plans, PlaybookCatalog catalog, DateTimeOffset now, CultureInfo culture)
    {
        var today = now.LocalDateTime.Date;
        var ranked = PortfolioTriage.Rank(plans, catalog, today, culture);
        var single = plans.Count == 1;
        // One customer's digest shows that customer whatever its level; a portfolio's, the ones at risk.
        var atRisk = ranked.Where(e => e.AtRisk).ToList();
        var shown = single ? ranked : atRisk;
        var risks = shown.Take(MaxRisks).Select(Risk).ToList();
        var moves = plans.SelectMany(p => Moves(p, catalog, culture))
            .OrderByDescending(m => Math.Abs(m.Change)).ThenBy(m => m.Customer, StringComparer.CurrentCultureIgnoreCase).ThenBy(m => m.Service, StringComparer.Ordinal)
            .Take(MaxMoves).ToList();
        var dueBy = today.AddDays(ActionWindowDays);
        var actions = plans.SelectMany(p => PlanAdvice.For(p, catalog, today, culture).Actions
                .Where(a => a.Due is { } due && due.Date <= dueBy)
                .Select(a => new DueAction(p.Customer, a.Title, a.Why, a.Due!.Value.Date, a.Due.Value.Date < today)))
            .OrderBy(a => a.Due).ThenBy(a => a.Customer, StringComparer.CurrentCultureIgnoreCase)
            .Take(MaxActions).ToList();
        var title = single ? $"Adoption digest — {plans[0].Customer}" : $"Adoption digest — {plans.Count} customers";
        return new DigestContent(title, now, plans.Count, atRisk.Count, risks, moves, actions, dueBy);
    }

    private static DigestRisk Risk(PortfolioEntry entry) =>
        new(entry.Customer, entry.RiskLevel, entry.RiskScore, entry.TargetsMet, entry.Reasons.Take(MaxReasons).ToList(), Math.Max(0, entry.Reasons.Count - MaxReasons));

    // The last two measurements of each intended service, on the basis the plan's rules read (as its history shows).
    private static IEnumerable<AuMove> Moves(CustomerPlan plan, PlaybookCatalog catalog, CultureInfo culture)
    {
        var intended = plan.IntendedServices;
        foreach (var history in ActiveUsageHistory.Of(plan).Where(h => intended.Contains(h.Service)))
        {
            var measured = history.Snapshots.Where(s => s.ActiveUsagePercent is not null).ToList();
            if (measured.Count < 2) continue;
            var (before, last) = (measured[measured.Count - 2], measured[measured.Count - 1]);
            yield return new AuMove(plan.Customer, catalog.Service(history.Service).DisplayName(culture),
                before.ActiveUsagePercent!.Value, before.AsOf, last.ActiveUsagePercent!.Value, last.AsOf, history.TargetPercent);
        }
    }
}
