using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastTrack.Core.Measurement;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;
using FastTrack.Core.Text;

namespace FastTrack.Core.Portfolio;

/// <summary>Ranks customers by adoption risk: each plan's intended services against their targets, the risk
/// reasons of <see cref="RiskRules"/>, highest score first (then by name, so the order is stable).</summary>
public static class PortfolioTriage
{
    public static IReadOnlyList<PortfolioEntry> Rank(IEnumerable<CustomerPlan> plans, PlaybookCatalog catalog, DateTime today, CultureInfo culture) =>
        plans.Select(plan => Assess(plan, catalog, today, culture))
            .OrderByDescending(e => e.RiskScore)
            .ThenBy(e => e.Customer, StringComparer.CurrentCultureIgnoreCase)
            .ToList();

    public static PortfolioEntry Assess(CustomerPlan plan, PlaybookCatalog catalog, DateTime today, CultureInfo culture)
    {
        var advice = PlanAdvice.For(plan, catalog, today, culture);
        var services = Standings(plan);
        var reasons = RiskRules.For(advice, services, today, culture).OrderByDescending(r => r.Weight).ToJoinedList();
        var lastMeasured = plan.UsageHistory.Count == 0 ? (DateTime?)null : plan.UsageHistory.Max(u => u.AsOf);
        return new PortfolioEntry(plan, services, reasons, lastMeasured);
    }

    // Each intended service: its latest AU on the basis the rules read (the history's), and the forecast.
    private static JoinedList<ServiceStanding> Standings(CustomerPlan plan)
    {
        var histories = ActiveUsageHistory.Of(plan).ToDictionary(h => h.Service);
        return plan.Services.Where(s => s.Intended).Select(s => histories.TryGetValue(s.Service, out var h)
                ? new ServiceStanding(s.Service, h.Latest?.ActiveUsagePercent, s.TargetAU, h.Latest?.AsOf, h.Forecast.Status, h.Forecast.SlopePerWeek)
                : new ServiceStanding(s.Service, null, s.TargetAU, null, ForecastStatus.InsufficientData, null))
            .ToJoinedList();
    }
}
