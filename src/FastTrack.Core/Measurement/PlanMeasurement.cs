using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.UsageReports;
using FastTrack.Core.Usage;

namespace FastTrack.Core.Measurement;

/// <summary>Measures AU for a plan (or for a source alone): which services, against which targets and
/// baselines, on which basis, and that the data is the plan's tenant's.</summary>
public sealed class PlanMeasurement
{
    public PlanMeasurement(PlaybookCatalog catalog, CustomerPlan? plan, IReadOnlyList<M365Service>? services = null, UsageBasis? basis = null,
        bool allowOtherOrganisation = false)
    {
        AllowOtherOrganisation = allowOtherOrganisation;
        Catalog = catalog;
        Plan = plan;
        AskedServices = services is { Count: > 0 } ? services : null;
        Basis = basis;
    }

    public PlaybookCatalog Catalog { get; }
    public CustomerPlan? Plan { get; }
    public IReadOnlyList<M365Service>? AskedServices { get; }
    public UsageBasis? Basis { get; }
    /// <summary>-Force: measure even when the reports' users are of another domain than the plan's.</summary>
    public bool AllowOtherOrganisation { get; }

    /// <summary>The services asked for; else the plan's intended ones; else every service.</summary>
    public IReadOnlyList<M365Service> Services =>
        AskedServices ?? (Plan?.IntendedServices.ToList() is { Count: > 0 } intended ? intended : Catalog.Services.Select(s => s.Id).ToList());

    /// <summary>True when the services were chosen by nobody: a report the source lacks is then no error.</summary>
    private bool ServicesDefaulted => AskedServices is null && Plan?.IntendedServices.Any() != true;

    public UsageGoal Goal(M365Service service)
    {
        var planned = Plan?.Services.FirstOrDefault(s => s.Service == service);
        var basis = Basis ?? planned?.Basis ?? UsageBasis.PaidUnits;
        // The baseline was measured on the plan's basis; against another basis it would mislead.
        var baseline = planned is not null && planned.Basis == basis ? planned.BaselineAU : null;
        return new UsageGoal(planned?.TargetAU ?? Catalog.ActiveUsageGoalPercent, baseline, basis);
    }

    public IReadOnlyList<Outcome<ActiveUsage>> Measure(IUsageDataSource source, DateTime? asOf = null,
        IProgress<UsageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (Plan is not null && source.TenantId is { } tenant && tenant != Plan.TenantId)
        {
            throw MeasurementErrors.SourceTenantMismatch(source.Description, tenant, Plan).ToException();
        }
        IReadOnlyList<Outcome<ActiveUsage>> results;
        try
        {
            results = new ActiveUsageCalculator().Measure(source, Services, Goal, asOf, progress, cancellationToken);
        }
        catch (FtException ex) when (ex.Error.Is(nameof(UsageErrors.AsOfNotAvailable)) && asOf is { } day && Saved(day) is { } saved)
        {
            // The source has no 28-day figure for that date, but the plan saved one then.
            return Label(saved, source.Customer);
        }
        if (ServicesDefaulted) results = results.Where(r => r.Error?.Is(nameof(UsageErrors.ReportMissing)) != true).ToList();
        if (Plan is not null && !AllowOtherOrganisation && OrganisationCheck.Mismatch(Plan, results.Where(r => r.Succeeded).Select(r => r.Value!)) is { } mismatch)
            throw mismatch.ToException();
        return Label(results, source.Customer);
    }

    /// <summary>The plan's saved snapshots of a date, one per service on its basis; null unless every service has one.</summary>
    private IReadOnlyList<Outcome<ActiveUsage>>? Saved(DateTime day)
    {
        if (Plan is null) return null;
        var saved = new List<Outcome<ActiveUsage>>();
        foreach (var service in Services)
        {
            var goal = Goal(service);
            var snapshot = Plan.UsageHistory.FirstOrDefault(u => u.Service == service && u.AsOf == day.Date && u.Basis == goal.Basis);
            if (snapshot is null) return null;
            saved.Add(Outcome<ActiveUsage>.Ok(new ActiveUsage
            {
                Service = service,
                AsOf = snapshot.AsOf,
                WindowDays = Catalog.ActiveUsageWindowDays,
                ActiveUsers = snapshot.ActiveUsers,
                Denominator = snapshot.Denominator,
                Basis = snapshot.Basis,
                ActiveUsagePercent = snapshot.ActiveUsagePercent,
                TargetPercent = goal.TargetPercent,
                MeetsTarget = snapshot.ActiveUsagePercent is { } p ? p >= goal.TargetPercent : null,
                BaselinePercent = goal.BaselinePercent,
                ChangeSinceBaseline = snapshot.ActiveUsagePercent is { } q && goal.BaselinePercent is { } b ? Math.Round(q - b, 1) : null,
                ConcealedNames = snapshot.ConcealedNames,
                Source = $"saved snapshot of {snapshot.AsOf:yyyy-MM-dd} ({snapshot.Source})",
            }));
        }
        return saved;
    }

    /// <summary>AU from one report's rows piped in (Import-Csv objects).</summary>
    public IReadOnlyList<Outcome<ActiveUsage>> Measure(ReportScan scan)
    {
        var results = ActiveUsageCalculator.FromScan(scan, AskedServices, Goal);
        if (Plan is not null && !AllowOtherOrganisation && OrganisationCheck.Mismatch(Plan, results.Where(r => r.Succeeded).Select(r => r.Value!)) is { } mismatch)
            throw mismatch.ToException();
        return Label(results, scan.TenantDisplayName);
    }

    private IReadOnlyList<Outcome<ActiveUsage>> Label(IReadOnlyList<Outcome<ActiveUsage>> results, string? sourceCustomer)
    {
        foreach (var usage in results.Where(r => r.Succeeded).Select(r => r.Value!))
        {
            usage.TenantId = Plan?.TenantId ?? usage.TenantId;
            usage.Customer = Plan?.Customer ?? sourceCustomer;
        }
        return results;
    }
}
