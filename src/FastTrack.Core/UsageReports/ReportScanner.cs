using System;
using System.Linq;
using System.Threading;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.UsageReports;

/// <summary>One streaming pass over a report: who is active in the 28-day window ending at the report's
/// refresh date, who holds the licence, deleted users left out, concealed names noticed.</summary>
internal static class ReportScanner
{
    /// <summary>Days in the active-usage window, the refresh date included.</summary>
    public const int WindowDays = 28;

    /// <param name="perUser">Called for every user row (deleted ones included) when people, not only counts,
    /// are wanted: cohorts and Get-FtUserActivity.</param>
    /// <param name="users">The table of users seen, reused from report to report of one measurement.</param>
    /// <param name="clock">Today, for refusing a refresh date in the future.</param>
    public static ReportScan Scan(IReportRows rows, ReportDefinition definition, Action<long>? bytesRead = null, CancellationToken cancellationToken = default,
        Action<UserRow>? perUser = null, UsersSeen? users = null, Func<DateTimeOffset>? clock = null)
    {
        var pass = new ReportPass(rows, definition, Today(clock), users ?? new UsersSeen(), perUser, sampleDomains: true);
        try
        {
            pass.Run(bytesRead, cancellationToken);
            Finish(pass);
            return pass.Scan;
        }
        finally
        {
            // The tables' arrays come from the shared pools: those made here go back (a measurement's, at its end).
            if (users is null) pass.Users.Release();
            pass.AppsUsers?.Release();
        }
    }

    /// <summary>Today, for refusing a refresh date in the future.</summary>
    public static DateTime Today(Func<DateTimeOffset>? clock) => (clock ?? Time.SystemClock.Now)().UtcDateTime.Date;

    /// <summary>What is known once every row is read: no user listed twice, and the activations report's Apps
    /// users counted once each.</summary>
    private static void Finish(ReportPass pass)
    {
        ThrowIfRepeated(pass.Rows, pass.Columns, pass.Users, pass.AppsUsers is not null);
        if (pass.AppsUsers is { } apps)
            pass.Scan.Tallies[M365Service.Microsoft365Apps].Licensed += ReportPass.DistinctAppsUsers(new[] { apps }, pass.AppsProducts!.Count, apps.Repeats);
    }

    private static void ThrowIfRepeated(IReportRows rows, ReportColumns columns, UsersSeen users, bool activations)
    {
        if (users.FindRepeat() is not { } repeat) return;
        var user = rows.ValueAt(repeat.Second, columns.Upn);
        throw ReportErrors.ReportUserDuplicated(rows.SourceName,
            activations ? $"'{user}' with {rows.ValueAt(repeat.Second, columns.ProductType)}" : $"'{user}'",
            rows.LineName(repeat.First), rows.LineName(repeat.Second)).ToException();
    }

    /// <summary>No report is refreshed before Microsoft 365 had reports (Office 365 came in 2011) or after
    /// today; and the window must fit in the calendar.</summary>
    public static DateTime Plausible(IReportRows rows, DateTime refresh, DateTime today)
    {
        if (refresh < FirstReportDay)
            throw ReportErrors.ReportDateInvalid(rows.SourceName, rows.Where(rows.Row), ReportDefinition.RefreshDate,
                $"{refresh:yyyy-MM-dd} is before Microsoft 365 had usage reports ({FirstReportDay:yyyy}), so no 28-day window ends on it").ToException();
        // Tomorrow, not today: the refresh date is UTC's, and the computer's day may still be yesterday.
        if (refresh > today.AddDays(1))
            throw ReportErrors.ReportDateInvalid(rows.SourceName, rows.Where(rows.Row), ReportDefinition.RefreshDate,
                $"{refresh:yyyy-MM-dd} is after today, so no 28-day window ends on it (check the computer's clock)").ToException();
        return refresh;
    }

    private static readonly DateTime FirstReportDay = new(2011, 1, 1);

    /// <summary>A row with fewer fields than the header is a cut-off line (or an object piped in without them);
    /// more fields, a comma where none belongs. Either way its columns cannot be trusted.</summary>
    public static FtException FieldCount(IReportRows rows)
    {
        var missing = Enumerable.Range(0, rows.Headers.Count).Where(i => rows.Get(i) is null).Select(i => $"'{rows.Headers[i]}'").ToList();
        return ReportErrors.ReportRowMalformed(rows.SourceName, rows.Where(rows.Row),
            $"has {rows.FieldCount} fields where the header has {rows.Headers.Count}" +
            (missing.Count > 0 && rows.FieldCount < rows.Headers.Count ? $" (no {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", ..." : "")}): the row is cut off" : "")).ToException();
    }
}
