using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Licensing;
using FastTrack.Core.UsageReports;
using FastTrack.Core.Text;

namespace FastTrack.Core.Usage;

/// <summary>Turns a tenant's usage reports into AU per service: users active in the 28 days ending at
/// the refresh date ÷ paid units (default) or ÷ licensed users. Each report is read once, streaming.</summary>
public sealed class ActiveUsageCalculator
{
    private readonly ServicePlanMap _plans;
    private readonly Func<DateTimeOffset> _clock;

    public ActiveUsageCalculator(ServicePlanMap? plans = null, Func<DateTimeOffset>? clock = null)
    {
        _plans = plans ?? ServicePlanMap.Default;
        _clock = clock ?? Time.SystemClock.Now;
    }

    /// <summary>Threads reading reports at once: one per core (a scan is CPU-bound once the file is cached); 1
    /// reads each report when a service first needs it, on the caller's thread.</summary>
    internal int Readers { get; set; } = Environment.ProcessorCount;

    /// <summary>The smallest part of a report read in parts (tests cut small reports into many).</summary>
    internal long PartBytes { get; set; } = ReportParts.MinPartBytes;

    /// <summary>AU of each service from the source. A service whose report or subscriptions the source could not
    /// give fails alone; a malformed report, reports of different days, or a date the source does not hold stops
    /// the measurement.</summary>
    public IReadOnlyList<Outcome<ActiveUsage>> Measure(IUsageDataSource source, IReadOnlyList<M365Service> services,
        Func<M365Service, UsageGoal> goals, DateTime? asOf = null, IProgress<UsageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var readings = new SourceReadings(source, asOf, progress, _clock, cancellationToken, Readers, PartBytes);
        // The reports the services need, read at once; then the same walk, one service after another, finds each
        // outcome (or the error that stops the measurement) where a reading one report at a time meets it.
        readings.ReadAhead(r =>
        {
            foreach (var service in services) Read(r, service, goals(service));
        });
        var measured = services.Select(service => (Service: service, Reading: Read(readings, service, goals(service)))).ToList();
        var refreshed = readings.RefreshDate(_clock().Date);
        var concealed = readings.ConcealedNames;
        return measured.Select(m => m.Reading.Succeeded
            ? Outcome<ActiveUsage>.Ok(Licensed(Result(m.Service, m.Reading.Value!.Activity, m.Reading.Value.Denominator, goals(m.Service), refreshed, concealed, source.Description, source.TenantId), m.Reading.Value.Paid))
            : Outcome<ActiveUsage>.Fail(m.Reading.Error!)).ToList();
    }

    /// <summary>A service's activity report and the number its active users are divided by.</summary>
    private sealed class ServiceReading
    {
        public ServiceReading(ReportScan activity, long denominator, PaidUnitsCount? paid)
        {
            Activity = activity;
            Denominator = denominator;
            Paid = paid;
        }

        public ReportScan Activity { get; }
        public long Denominator { get; }
        public PaidUnitsCount? Paid { get; }
    }

    private Outcome<ServiceReading> Read(SourceReadings readings, M365Service service, UsageGoal goal)
    {
        var activity = Activity(readings, service);
        if (!activity.Succeeded) return Outcome<ServiceReading>.Fail(activity.Error!);
        if (activity.Value is not { } scan) return Outcome<ServiceReading>.Fail(UsageErrors.ReportMissing(readings.Description, service));
        if (goal.Basis == UsageBasis.LicensedUsers)
        {
            var licensed = LicensedUsers(readings, service, scan);
            return licensed.Succeeded ? Outcome<ServiceReading>.Ok(new ServiceReading(scan, licensed.Value, null)) : Outcome<ServiceReading>.Fail(licensed.Error!);
        }
        var skus = readings.SubscribedSkus();
        if (!skus.Succeeded) return Outcome<ServiceReading>.Fail(skus.Error!);
        if (skus.Value is not { } list) return Outcome<ServiceReading>.Fail(UsageErrors.DenominatorMissing(readings.Description, service));
        var paid = _plans.PaidUnits(list, service);
        // Never a silent 0% (or a division by nothing): say what the subscriptions hold instead.
        return paid.Units == 0
            ? Outcome<ServiceReading>.Fail(UsageErrors.NoPaidUnits(readings.Description, service, paid))
            : Outcome<ServiceReading>.Ok(new ServiceReading(scan, paid.Units, paid));
    }

    // A service's own detail report first; the multi-service active-user report when that is missing.
    private static Outcome<ReportScan?> Activity(SourceReadings readings, M365Service service)
    {
        foreach (var kind in ReportDefinition.SourcesOf(service).Select(d => d.Kind))
        {
            var report = ReportOf(readings, kind);
            if (!report.Succeeded || report.Value is not null) return report;
        }
        return Outcome<ReportScan?>.Ok(null);
    }

    // A streamed report whose download failed after the scan began is the source failing to give it, as a
    // refused download is (ReportInterruption): that report's services fail, the measurement goes on. Asked
    // again, the source answers with the same failure without a second download (GraphUsageSource).
    private static Outcome<ReportScan?> ReportOf(SourceReadings readings, ReportKind kind)
    {
        try { return readings.Report(kind); }
        catch (FtException ex) when (ReportInterruption.Is(ex)) { return Outcome<ReportScan?>.Fail(ex.Error); }
    }

    /// <summary>AU of the services one report counts, on the licensed-users basis: for rows piped in
    /// (Import-Csv), which come without subscriptions.</summary>
    public static IReadOnlyList<Outcome<ActiveUsage>> FromScan(ReportScan scan, IEnumerable<M365Service>? services, Func<M365Service, UsageGoal> goals)
    {
        var definition = ReportDefinition.For(scan.Kind);
        if (definition.Services.Count == 0)
        {
            // The activations report tallies Microsoft 365 Apps licences, with no activity: alone, it would say 0%.
            return new[] { Outcome<ActiveUsage>.Fail(ReportErrors.ReportHasNoActivity(scan.SourceName, definition)) };
        }
        // No row, no refresh date: nothing to measure, and never 0% as of a day the rows do not have.
        if (scan.RefreshDate is not { } refreshed) return new[] { Outcome<ActiveUsage>.Fail(ReportErrors.ReportEmpty(scan.SourceName, definition.GraphFunction)) };
        return scan.Tallies.Keys.Where(s => definition.Services.Contains(s) && (services is null || services.Contains(s))).Select(service =>
        {
            var goal = goals(service);
            if (goal.Basis == UsageBasis.PaidUnits)
            {
                return Outcome<ActiveUsage>.Fail(UsageErrors.DenominatorMissing(scan.SourceName, service));
            }
            return Outcome<ActiveUsage>.Ok(Result(service, scan, scan.Tallies[service].Licensed, goal,
                refreshed, scan.ConcealedNames, scan.SourceName, null));
        }).ToList();
    }

    private static ActiveUsage Result(M365Service service, ReportScan activity, long denominator, UsageGoal goal, DateTime refreshed, bool concealed, string source, Guid? tenantId)
    {
        var active = activity.Tallies[service].Active;
        double? percent = denominator > 0 ? Math.Round(active * 100.0 / denominator, 1, MidpointRounding.AwayFromZero) : null;
        return new ActiveUsage
        {
            TenantId = tenantId,
            Service = service,
            AsOf = refreshed,
            WindowDays = ReportScanner.WindowDays,
            ActiveUsers = active,
            Denominator = denominator,
            Basis = goal.Basis,
            ActiveUsagePercent = percent,
            TargetPercent = goal.TargetPercent,
            MeetsTarget = percent is null ? null : percent >= goal.TargetPercent,
            BaselinePercent = goal.BaselinePercent,
            ChangeSinceBaseline = percent is { } p && goal.BaselinePercent is { } b ? Math.Round(p - b, 1) : null,
            ConcealedNames = concealed,
            Report = ReportDefinition.For(activity.Kind).GraphFunction,
            Source = source,
            UserDomains = activity.UserDomains.OrderByDescending(d => d.Value).Select(d => d.Key).Take(5).ToList(),
            Apps = activity.AppActive.Select(a => new AppUsage
            {
                App = a.Key,
                ActiveUsers = a.Value,
                ActiveUsagePercent = denominator > 0 ? Math.Round(a.Value * 100.0 / denominator, 1, MidpointRounding.AwayFromZero) : null,
            }).ToJoinedList(),
        };
    }

    private static ActiveUsage Licensed(ActiveUsage usage, PaidUnitsCount? paid)
    {
        if (paid is null) return usage;
        usage.ExcludedSkus = paid.ExcludedSkus.ToJoinedList();
        usage.UnknownServicePlans = paid.UnknownPlans.ToJoinedList();
        return usage;
    }

    /// <summary>Reads one report's rows given as name/value pairs (Import-Csv objects). A name the first row has
    /// and a later one lacks, or has as null, is a field cut off. <paramref name="rest"/> is enumerated again
    /// only to name a row in an error.</summary>
    public static ReportScan ScanRows(IReadOnlyDictionary<string, string?> first, IEnumerable<IReadOnlyDictionary<string, string?>> rest, string sourceName)
    {
        using var rows = new DictionaryReportRows(first, rest, sourceName);
        var definition = ReportDefinition.Recognise(rows.Headers)
            ?? throw ReportErrors.ReportNotRecognised(sourceName, rows.Headers).ToException();
        return ReportScanner.Scan(rows, definition);
    }

    /// <summary>The users licensed for the service, from the report that knows best.</summary>
    private static Outcome<long> LicensedUsers(SourceReadings readings, M365Service service, ReportScan activity)
    {
        var better = service switch
        {
            // Outlook Mobile needs a mailbox: users licensed for Exchange, as the active-user report counts them.
            M365Service.OutlookMobile => (Kind: ReportKind.Office365ActiveUserDetail, Service: M365Service.Exchange),
            M365Service.Microsoft365Apps => (Kind: ReportKind.Office365ActivationsUserDetail, Service: service),
            // The Copilot report lists exactly the users licensed for Copilot.
            M365Service.Microsoft365Copilot => (Kind: ReportKind.Microsoft365CopilotUsageUserDetail, Service: service),
            _ => (Kind: ReportKind.Office365ActiveUserDetail, Service: service),
        };
        var report = ReportOf(readings, better.Kind);
        if (!report.Succeeded) return Outcome<long>.Fail(report.Error!);
        return Outcome<long>.Ok(report.Value is { } scan && scan.Tallies.TryGetValue(better.Service, out var tally)
            ? tally.Licensed
            : activity.Tallies[service].Licensed);
    }
}
