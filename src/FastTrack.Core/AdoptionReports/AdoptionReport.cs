using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;
using FastTrack.Core.Measurement;
using FastTrack.Core.Portfolio;

namespace FastTrack.Core.AdoptionReports;

/// <summary>What an adoption report shows, gathered once from the plans: the writers (HTML, Markdown)
/// only lay it out.</summary>
public sealed class AdoptionReport
{
    private AdoptionReport(DateTimeOffset generated, CultureInfo culture, IReadOnlyList<CustomerSection> customers)
    {
        Generated = generated;
        Culture = culture;
        Customers = customers;
    }

    public DateTimeOffset Generated { get; }
    public CultureInfo Culture { get; }
    public IReadOnlyList<CustomerSection> Customers { get; }
    public bool IsPortfolio => Customers.Count > 1;

    public static AdoptionReport For(IEnumerable<CustomerPlan> plans, PlaybookCatalog catalog, DateTimeOffset now, CultureInfo culture)
    {
        var today = now.LocalDateTime.Date;
        // Ranked as Get-FtPortfolio ranks them: riskiest first, then by name.
        var sections = plans.Select(plan => CustomerSection.For(plan, catalog, today, culture))
            .OrderByDescending(s => s.Risk.RiskScore).ThenBy(s => s.Plan.Customer, StringComparer.CurrentCultureIgnoreCase)
            .Select((section, index) => section.Anchored("customer-" + (index + 1)))
            .ToList();
        return new AdoptionReport(now, culture, sections);
    }
}

/// <summary>One customer's part of the report.</summary>
public sealed class CustomerSection
{
    public string Anchor { get; private set; } = "";
    public CustomerPlan Plan { get; private set; } = null!;
    public PlanAdvice Advice { get; private set; } = null!;
    public IReadOnlyList<ServiceStatus> Services { get; private set; } = Array.Empty<ServiceStatus>();
    public IReadOnlyList<ActiveUsageHistory> Histories { get; private set; } = Array.Empty<ActiveUsageHistory>();
    public IReadOnlyList<M365Service> HandedToCsm { get; private set; } = Array.Empty<M365Service>();
    /// <summary>The last check-ins that took place (held, missed or not recorded) and the next planned ones.</summary>
    public IReadOnlyList<CheckIn> CheckIns { get; private set; } = Array.Empty<CheckIn>();
    /// <summary>The check-in cadence kept, as the criteria state it.</summary>
    public SuccessCriterion? Cadence { get; private set; }
    public IReadOnlyList<TaskDecision> Tasks { get; private set; } = Array.Empty<TaskDecision>();
    public IReadOnlyList<Blocker> OpenBlockers { get; private set; } = Array.Empty<Blocker>();
    /// <summary>The customer's adoption risk, as Get-FtPortfolio ranks it.</summary>
    public PortfolioEntry Risk { get; private set; } = null!;

    internal CustomerSection Anchored(string anchor)
    {
        Anchor = anchor;
        return this;
    }

    internal static CustomerSection For(CustomerPlan plan, PlaybookCatalog catalog, DateTime today, CultureInfo culture)
    {
        var advice = PlanAdvice.For(plan, catalog, today, culture);
        var histories = ActiveUsageHistory.Of(plan);
        var intended = plan.Services.Where(s => s.Intended).ToList();
        return new CustomerSection
        {
            Plan = plan,
            Risk = PortfolioTriage.Assess(plan, catalog, today, culture),
            Advice = advice,
            Histories = histories.Where(h => intended.Any(s => s.Service == h.Service)).ToList(),
            Services = intended.Select(s =>
            {
                var latest = plan.LatestUsage(s.Service);
                return new ServiceStatus(s.Service, catalog.Service(s.Service).DisplayName(culture), latest?.ActiveUsagePercent, latest?.AsOf,
                    s.TargetAU, catalog.ActiveUsageGoalPercent, s.BaselineAU, histories.FirstOrDefault(h => h.Service == s.Service)?.Forecast);
            }).ToList(),
            HandedToCsm = advice.Evaluation.Facts.HandedToCsm.ToList(),
            CheckIns = plan.CheckIns.Where(c => c.Date.Date < today).OrderByDescending(c => c.Date).Take(6).Reverse()
                .Concat(plan.CheckIns.Where(c => c.Date.Date >= today).OrderBy(c => c.Date).Take(6)).ToList(),
            Cadence = advice.Criteria.FirstOrDefault(c => c.Id == "CheckInCadence"),
            Tasks = advice.Evaluation.Tasks.Where(t => t.Applies).ToList(),
            OpenBlockers = plan.OpenBlockers.OrderBy(b => b.Opened).ToList(),
        };
    }

    public int ServicesAtTarget => Services.Count(s => s.MeetsTarget == true);
}

/// <summary>A service's latest AU against the plan's target and the playbook's goal.</summary>
public sealed class ServiceStatus
{
    public ServiceStatus(M365Service service, string name, double? percent, DateTime? asOf, double target, double goal, double? baseline, UsageForecast? forecast)
    {
        Service = service;
        Name = name;
        Percent = percent;
        AsOf = asOf;
        Target = target;
        Goal = goal;
        Baseline = baseline;
        Forecast = forecast;
    }

    public M365Service Service { get; }
    public string Name { get; }
    public double? Percent { get; }
    public DateTime? AsOf { get; }
    public double Target { get; }
    public double Goal { get; }
    public double? Baseline { get; }
    public UsageForecast? Forecast { get; }
    public bool? MeetsTarget => Percent is { } p ? p >= Target : null;
}
