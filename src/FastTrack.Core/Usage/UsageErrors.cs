using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Errors;
using FastTrack.Core.Licensing;
using FastTrack.Core.Playbook;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Usage;

/// <summary>Every error of measuring AU from a usage source (a report folder, the sample tenant, a Graph
/// connection): one id (the method's name) and one text each. None is ever a silent 0%.</summary>
public static class UsageErrors
{
    /// <summary>How a global admin shows concealed names again; said by the error and by the warnings that a
    /// tenant conceals them (the module never changes the setting).</summary>
    public const string ShowNamesAdvice =
        "A global admin can show names: Microsoft 365 admin center > Settings > Org settings > Services > Reports, clear \"Display concealed user, group, and site names in all reports\"; " +
        "or set displayConcealedNames to false on Graph's admin/reportSettings (ReportSettings.ReadWrite.All). This module never changes that setting.";

    public static FtError ReportMissing(string source, M365Service service) => new(nameof(ReportMissing), FtErrorKind.ObjectNotFound, service,
        $"{Capital(source)} has no report with {service} activity: {string.Join(" or ", ReportDefinition.SourcesOf(service).Select(d => d.GraphFunction))}.");

    /// <summary>No subscriptions to count paid units from: a folder without the subscribedSkus JSON, or rows piped in.</summary>
    public static FtError DenominatorMissing(string source, M365Service service) => new(nameof(DenominatorMissing), FtErrorKind.ObjectNotFound, service,
        $"{Capital(source)} has no subscribed SKUs, so {service} has no paid units to divide by. " +
        "Measure a folder that also holds the JSON of GET /subscribedSkus (-Path), or measure with -Basis LicensedUsers.");

    public static FtError NoPaidUnits(string source, M365Service service, PaidUnitsCount paid) => new(nameof(NoPaidUnits), FtErrorKind.ObjectNotFound, service,
        $"No paid, enabled subscription of {source} gives {service} by a service plan of the licensing reference." +
        (paid.ExcludedSkus.Count > 0 ? $" Left out as free or trial: {string.Join(", ", paid.ExcludedSkus)}." : "") +
        (paid.UnknownPlans.Count > 0 ? $" Service plans this module does not know: {string.Join(", ", paid.UnknownPlans)}." : "") +
        " Measure with -Basis LicensedUsers to divide by the users the reports say are licensed.");

    public static FtError ReportFolderNotFound(string folder) => new(nameof(ReportFolderNotFound), FtErrorKind.ObjectNotFound, folder,
        $"The report folder '{folder}' does not exist. Give -Path the folder the reports were exported to.");

    /// <summary>A folder where no report the module reads has a user row: measured, it would print nothing.</summary>
    public static FtError ReportsNotFound(string folder, IReadOnlyCollection<SkippedFile> skipped) => new(nameof(ReportsNotFound), FtErrorKind.ObjectNotFound, folder,
        $"No usage report with user rows was found in '{folder}'. This module reads these user-detail reports, exported as CSV from the " +
        $"Microsoft 365 admin center (Reports > Usage) or Graph: {ReportDefinition.Catalogue}." +
        (skipped.Count == 0 ? " The folder has no CSV file." : $" Files passed over: {string.Join("; ", skipped.Select(s => $"'{System.IO.Path.GetFileName(s.Path)}' ({s.Why})"))}."));

    public static FtError ConcealedNames(string source) => new(nameof(ConcealedNames), FtErrorKind.InvalidOperation, source,
        $"The reports of {source} conceal user names, so no user can be matched or named (counts stay right: Measure-FtActiveUsage without users still works). {ShowNamesAdvice}");

    // A date a source does not hold. These stop a measurement rather than fail one service: every report would
    // fail the same way, and another day's numbers must never stand in for the day asked for.

    public static FtError ReportDateNotAvailable(string folder, DateTime refreshDate, DateTime asked) => new(nameof(ReportDateNotAvailable), FtErrorKind.ObjectNotFound, folder,
        $"The reports in '{folder}' are of {refreshDate:yyyy-MM-dd}, not {asked:yyyy-MM-dd}. Export that day's reports into a folder of their own, or leave out -AsOf.");

    public static FtError SampleDateOutOfRange(DateTime asked, DateTime first, DateTime last) => new(nameof(SampleDateOutOfRange), FtErrorKind.InvalidArgument, asked,
        $"The sample tenant has reports from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}; {asked:yyyy-MM-dd} is outside them.");

    public static FtError AsOfNotAvailable(DateTime day, string function) => new(nameof(AsOfNotAvailable), FtErrorKind.InvalidOperation, day,
        $"Microsoft Graph gives a 28-day active-user report only for its latest refresh date; for {day:yyyy-MM-dd} it would give the users active on that one day, which is not AU. " +
        $"No {function} report refreshed on {day:yyyy-MM-dd} is in the workspace cache. Measure that date from reports exported then (-Path), " +
        "read a saved snapshot (Get-FtActiveUsageHistory), or measure the latest date without -AsOf.");

    /// <summary>Whether the error says the source does not hold the date asked for (see above).</summary>
    public static bool IsDateNotHeld(FtError error) =>
        error.Is(nameof(ReportDateNotAvailable)) || error.Is(nameof(SampleDateOutOfRange)) || error.Is(nameof(AsOfNotAvailable));

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
