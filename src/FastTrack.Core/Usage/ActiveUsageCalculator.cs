using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Licensing;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Usage;

/// <summary>Turns a tenant's usage reports into AU per service: users active in the 28 days ending at
/// the refresh date ÷ paid units (default) or ÷ licensed users. Each report is read once, streaming.</summary>
public sealed class ActiveUsageCalculator
{
    private readonly ServicePlanMap _plans;

    public ActiveUsageCalculator(ServicePlanMap? plans = null) => _plans = plans ?? ServicePlanMap.Default;

    public IReadOnlyList<Outcome<ActiveUsage>> Measure(IUsageDataSource source, IReadOnlyList<M365Service> services,
        Func<M365Service, UsageGoal> goals, DateTime? asOf = null, IProgress<UsageProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var scans = new Dictionary<ReportKind, ReportScan?>();
        var users = new UsersSeen();
        var unavailable = new Dictionary<ReportKind, FtError>();
        // A report the source failed to give (a download refused, throttled, cut off) fails the services
        // that need it, not the whole measurement; a report that was read but is malformed stops it.
        ReportScan? ScanOf(ReportKind kind)
        {
            if (unavailable.TryGetValue(kind, out var known)) throw new ReportUnavailable(known);
            if (!scans.TryGetValue(kind, out var scan))
            {
                ReportContent? content;
                try { content = source.OpenReport(kind, asOf); }
                catch (FtException ex) when (ex.Error.ErrorId is not ("ReportDateNotAvailable" or "SampleDateOutOfRange" or "AsOfNotAvailable"))
                {
                    unavailable[kind] = ex.Error;
                    throw new ReportUnavailable(ex.Error);
                }
                using (content) scan = content is null ? null : ScanContent(content, kind, users, progress, cancellationToken);
                if (scan is { Rows: 0 })
                {
                    // A header and no user: measured, it would be 0% as of a day it does not have. It fails the
                    // services that need it, like a report the source could not give.
                    unavailable[kind] = ReportErrors.Empty(scan.SourceName, ReportDefinition.For(kind).GraphFunction).Error;
                    throw new ReportUnavailable(unavailable[kind]);
                }
                scans[kind] = scan;
            }
            return scan;
        }

        IReadOnlyList<SubscribedSku>? skus = null;
        FtError? skusError = null;
        var skusRead = false;
        IReadOnlyList<SubscribedSku>? Skus()
        {
            if (!skusRead)
            {
                skusRead = true;
                try { skus = source.SubscribedSkus(); }
                catch (FtException ex) { skusError = ex.Error; }
            }
            if (skusError is not null) throw new ReportUnavailable(skusError);
            return skus;
        }

        var measured = new List<(M365Service Service, ReportScan? Activity, Outcome<ActiveUsage>? Failure, long Denominator, PaidUnitsCount? Paid)>();
        foreach (var service in services)
        {
            try
            {
                measured.Add(MeasureOne(service));
            }
            catch (ReportUnavailable failure)
            {
                measured.Add((service, null, Outcome<ActiveUsage>.Fail(failure.Error), 0, null));
            }
        }

        (M365Service, ReportScan?, Outcome<ActiveUsage>?, long, PaidUnitsCount?) MeasureOne(M365Service service)
        {
            var activity = ActivityReport(service).Select(ScanOf).FirstOrDefault(s => s is not null);
            if (activity is null)
            {
                return (service, null, Outcome<ActiveUsage>.Fail(new FtError("ReportMissing", FtErrorKind.ObjectNotFound, service,
                    $"{source.Description} has no report with {service} activity: " +
                    string.Join(" or ", ActivityReport(service).Select(k => ReportDefinition.For(k).GraphFunction)) + ".")), 0, null);
            }
            if (goals(service).Basis == UsageBasis.LicensedUsers) return (service, activity, null, LicensedUsers(service, activity, ScanOf), null);
            if (Skus() is not { } list)
            {
                return (service, activity, Outcome<ActiveUsage>.Fail(new FtError("DenominatorMissing", FtErrorKind.ObjectNotFound, service,
                    $"{source.Description} has no subscribed SKUs, so {service} has no paid units to divide by. " +
                    "Add the JSON of GET /subscribedSkus to the folder, or measure with -Basis LicensedUsers.")), 0, null);
            }
            var paid = _plans.PaidUnits(list, service);
            if (paid.Units == 0)
            {
                // Never a silent 0% (or a division by nothing): say what the subscriptions hold instead.
                return (service, activity, Outcome<ActiveUsage>.Fail(new FtError("NoPaidUnits", FtErrorKind.ObjectNotFound, service,
                    $"No paid, enabled subscription of {source.Description} gives {service} by a service plan of the licensing reference." +
                    (paid.ExcludedSkus.Count > 0 ? $" Left out as free or trial: {string.Join(", ", paid.ExcludedSkus)}." : "") +
                    (paid.UnknownPlans.Count > 0 ? $" Service plans this module does not know: {string.Join(", ", paid.UnknownPlans)}." : "") +
                    " Measure with -Basis LicensedUsers to divide by the users the reports say are licensed.")), 0, paid);
            }
            return (service, activity, null, paid.Units, paid);
        }

        var dates = scans.Values.Where(s => s?.RefreshDate is not null).Select(s => s!.RefreshDate!.Value).Distinct().ToList();
        if (dates.Count > 1)
        {
            throw new FtError("ReportsMixed", FtErrorKind.InvalidData, source.Description,
                $"The reports of {source.Description} were refreshed on different dates ({string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd")))}).").ToException();
        }
        var refreshed = dates.Count == 1 ? dates[0] : (asOf ?? DateTime.Today).Date;
        var concealed = scans.Values.Any(s => s?.ConcealedNames == true);

        return measured.Select(m => m.Failure is { } failure ? failure
            : Outcome<ActiveUsage>.Ok(Licensed(Result(m.Service, m.Activity!, m.Denominator, goals(m.Service), refreshed, concealed, source.Description, source.TenantId), m.Paid))).ToList();
    }

    /// <summary>AU of the services one report counts, on the licensed-users basis: for rows piped in
    /// (Import-Csv), which come without subscriptions.</summary>
    public static IReadOnlyList<Outcome<ActiveUsage>> FromScan(ReportScan scan, IEnumerable<M365Service>? services, Func<M365Service, UsageGoal> goals)
    {
        var definition = ReportDefinition.For(scan.Kind);
        if (definition.Services.Count == 0)
        {
            // The activations report tallies Microsoft 365 Apps licences, with no activity: alone, it would say 0%.
            return new[] { Outcome<ActiveUsage>.Fail(new FtError("ReportHasNoActivity", FtErrorKind.InvalidData, scan.SourceName,
                $"{scan.SourceName} are rows of {definition.AdminCenterName} ({definition.GraphFunction}), which lists licences, not activity, so they measure no service. " +
                "Pipe the Microsoft 365 Apps usage report (getM365AppUserDetail), or measure a folder holding both with -Path.")) };
        }
        return scan.Tallies.Keys.Where(s => definition.Services.Contains(s) && (services is null || services.Contains(s))).Select(service =>
        {
            var goal = goals(service);
            if (goal.Basis == UsageBasis.PaidUnits)
            {
                return Outcome<ActiveUsage>.Fail(new FtError("DenominatorMissing", FtErrorKind.InvalidArgument, service,
                    $"Report rows piped in carry no subscriptions, so {service} has no paid units to divide by: measure them with -Basis LicensedUsers, or measure the folder with -Path."));
            }
            return Outcome<ActiveUsage>.Ok(Result(service, scan, scan.Tallies[service].Licensed, goal,
                scan.RefreshDate ?? DateTime.Today, scan.ConcealedNames, scan.SourceName, null));
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
        };
    }

    private static ActiveUsage Licensed(ActiveUsage usage, PaidUnitsCount? paid)
    {
        if (paid is null) return usage;
        usage.ExcludedSkus = paid.ExcludedSkus;
        usage.UnknownServicePlans = paid.UnknownPlans;
        return usage;
    }

    /// <summary>Reads one report's rows given as name/value pairs (Import-Csv objects). A name the first row has
    /// and a later one lacks, or has as null, is a field cut off. <paramref name="rest"/> is enumerated again
    /// only to name a row in an error.</summary>
    public static ReportScan ScanRows(IReadOnlyDictionary<string, string?> first, IEnumerable<IReadOnlyDictionary<string, string?>> rest, string sourceName)
    {
        using var rows = new DictionaryReportRows(first, rest, sourceName);
        var definition = ReportDefinition.Recognise(rows.Headers)
            ?? throw new FtError("ReportNotRecognised", FtErrorKind.InvalidData, sourceName,
                $"The objects piped in are not rows of a usage detail report this module reads; their properties are {string.Join(", ", rows.Headers)}.").ToException();
        return ReportScanner.Scan(rows, definition);
    }

    // A service's own detail report first; the multi-service active-user report when that is missing.
    private static IEnumerable<ReportKind> ActivityReport(M365Service service) =>
        ReportDefinition.SourcesOf(service).Select(d => d.Kind);

    private static long LicensedUsers(M365Service service, ReportScan activity, Func<ReportKind, ReportScan?> scanOf)
    {
        var activeUser = scanOf(ReportKind.Office365ActiveUserDetail);
        switch (service)
        {
            case M365Service.OutlookMobile:
                // Outlook Mobile needs a mailbox: users licensed for Exchange.
                return activeUser?.Tallies[M365Service.Exchange].Licensed ?? activity.Tallies[service].Licensed;
            case M365Service.Microsoft365Apps:
                return scanOf(ReportKind.Office365ActivationsUserDetail)?.Tallies[service].Licensed ?? activity.Tallies[service].Licensed;
            default:
                return activeUser is not null && activeUser.Tallies.TryGetValue(service, out var tally) ? tally.Licensed : activity.Tallies[service].Licensed;
        }
    }

    private static ReportScan ScanContent(ReportContent content, ReportKind kind, UsersSeen users, IProgress<UsageProgress>? progress, CancellationToken cancellationToken)
    {
        using var rows = new CsvReportRows(content.Stream, content.Name);
        var definition = ReportDefinition.For(kind);
        return ReportScanner.Scan(rows, definition,
            progress is null ? null : bytes => progress.Report(new UsageProgress(content.Name, bytes, content.Length)), cancellationToken, users: users);
    }

    /// <summary>Carries a source's failure to give a report to the services that need it.</summary>
    private sealed class ReportUnavailable : Exception
    {
        public ReportUnavailable(FtError error) : base(error.Message) => Error = error;
        public FtError Error { get; }
    }
}
