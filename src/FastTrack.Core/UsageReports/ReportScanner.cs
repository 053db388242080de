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
        var today = (clock ?? Time.SystemClock.Now)().UtcDateTime.Date;
        var columns = new ReportColumns(rows, definition);
        var scan = new ReportScan(definition.Kind, rows.SourceName);
        foreach (var service in definition.Services) scan.Tallies[service] = new ServiceTally();
        foreach (var app in columns.Apps) scan.AppActive[app.Field.App!] = 0;
        if (definition.Kind == ReportKind.Office365ActivationsUserDetail) scan.Tallies[M365Service.Microsoft365Apps] = new ServiceTally();

        users ??= new UsersSeen();
        users.Clear();
        var appsUsers = definition.Kind == ReportKind.Office365ActivationsUserDetail ? new UsersSeen() : null;
        while (rows.Read())
        {
            if ((scan.Rows & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bytesRead?.Invoke(rows.BytesRead);
            }
            if (rows.FieldCount != rows.Headers.Count) throw FieldCount(rows);
            scan.Rows++;
            var refresh = RefreshDate(rows, columns, scan, today);
            var (key, appsUser) = Identify(rows, columns, scan, appsUsers is not null);
            if (columns.TenantName >= 0 && scan.TenantDisplayName is null) scan.TenantDisplayName = rows.Get(columns.TenantName);
            if (IsDeleted(rows, columns))
            {
                Deleted(rows, columns, definition, scan, perUser, refresh);
                continue;
            }
            // A live user once per report. A deleted user may share a live one's name (deleted, then created
            // again); concealed names cannot be told apart by design.
            if (key != 0) users.Add(key, rows.Row);
            CountRow(rows, columns, definition.Kind, scan, refresh.AddDays(1 - WindowDays), refresh, perUser, appsUsers, appsUser);
        }
        ThrowIfRepeated(rows, columns, users, appsUsers is not null);
        if (appsUsers is not null) scan.Tallies[M365Service.Microsoft365Apps].Licensed += appsUsers.CountDistinct();
        bytesRead?.Invoke(rows.BytesRead);
        return scan;
    }

    /// <summary>The row's refresh date: the first row's, once it is plausible, and the same on every row after it.</summary>
    private static DateTime RefreshDate(IReportRows rows, ReportColumns columns, ReportScan scan, DateTime today)
    {
        var refresh = Date(rows, columns.Refresh, ReportDefinition.RefreshDate)
            ?? throw ReportErrors.ReportDateInvalid(rows.SourceName, rows.Where(rows.Row), ReportDefinition.RefreshDate, "is empty; every row of a report has its refresh date").ToException();
        if (scan.RefreshDate is null) scan.RefreshDate = Plausible(rows, refresh, today);
        else if (scan.RefreshDate != refresh)
        {
            throw ReportErrors.ReportsMixed(rows.SourceName,
                $"'{rows.SourceName}' mixes refresh dates {scan.RefreshDate:yyyy-MM-dd} and {refresh:yyyy-MM-dd} ({rows.LineName(rows.Row)})").ToException();
        }
        return refresh;
    }

    /// <summary>The row's user, hashed once (before another field overwrites its span): the key that finds a user
    /// listed twice, and for the activations report the user apart from the product. The activations report lists
    /// a user once per product: its key is the pair, and its Apps licences count users, not rows.</summary>
    private static (ulong Key, ulong AppsUser) Identify(IReportRows rows, ReportColumns columns, ReportScan scan, bool activations)
    {
        var product = activations ? rows.Get(columns.ProductType) : null;
        var upn = rows.Span(columns.Upn);
        var concealed = ReportValues.IsConcealed(upn);
        if (concealed) scan.ConcealedNames = true;
        if (!concealed && scan.Rows <= ReportScan.DomainSample) scan.SeeDomain(upn);
        var key = concealed || upn.IsEmpty ? 0 : UsersSeen.Hash(upn, product.AsSpan());
        var appsUser = !activations || upn.IsEmpty || upn.SequenceEqual("(Unknown)".AsSpan()) ? 0 : UsersSeen.Hash(upn, default);
        return (key, appsUser);
    }

    /// <summary>A deleted user counts for nothing, but is a row of people when people are wanted.</summary>
    private static void Deleted(IReportRows rows, ReportColumns columns, ReportDefinition definition, ReportScan scan, Action<UserRow>? perUser, DateTime refresh)
    {
        scan.DeletedRows++;
        if (perUser is null || definition.Kind == ReportKind.Office365ActivationsUserDetail) return;
        var deleted = rows.Get(columns.Upn) ?? "";
        foreach (var service in definition.Services) perUser(new UserRow(service, deleted, false, null, false, true, refresh));
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
    private static DateTime Plausible(IReportRows rows, DateTime refresh, DateTime today)
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
    private static FtException FieldCount(IReportRows rows)
    {
        var missing = Enumerable.Range(0, rows.Headers.Count).Where(i => rows.Get(i) is null).Select(i => $"'{rows.Headers[i]}'").ToList();
        return ReportErrors.ReportRowMalformed(rows.SourceName, rows.Where(rows.Row),
            $"has {rows.FieldCount} fields where the header has {rows.Headers.Count}" +
            (missing.Count > 0 && rows.FieldCount < rows.Headers.Count ? $" (no {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", ..." : "")}): the row is cut off" : "")).ToException();
    }

    private static void CountRow(IReportRows rows, ReportColumns c, ReportKind kind, ReportScan scan, DateTime windowStart, DateTime refresh, Action<UserRow>? perUser,
        UsersSeen? appsUsers, ulong appsUser)
    {
        bool InWindow(DateTime? date) => date is { } d && d >= windowStart && d <= refresh;
        var upn = perUser is null ? null : rows.Get(c.Upn) ?? "";

        switch (kind)
        {
            case ReportKind.Office365ActiveUserDetail:
                foreach (var service in c.PerService)
                {
                    var tally = scan.Tallies[service.Service];
                    var licensed = Bool(rows, service.HasLicense, service.HasLicenseName) == true;
                    var last = Date(rows, service.LastActivity, service.LastActivityName);
                    if (licensed) tally.Licensed++;
                    if (InWindow(last)) tally.Active++;
                    perUser?.Invoke(new UserRow(service.Service, upn!, licensed, last, InWindow(last), false, refresh));
                }
                break;
            case ReportKind.Office365ActivationsUserDetail:
                // One row per user and product: Microsoft 365 Apps rows count the users it is assigned to, a user
                // with Apps for enterprise and for business once (counted when the report is read). "(Unknown)"
                // names cannot be told apart: each of their rows counts.
                var product = rows.Get(c.ProductType) ?? "";
                if (product.IndexOf("365 APPS", StringComparison.OrdinalIgnoreCase) >= 0 || product.IndexOf("PROPLUS", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    if (appsUser != 0) appsUsers!.Add(appsUser, rows.Row);
                    else scan.Tallies[M365Service.Microsoft365Apps].Licensed++;
                }
                break;
            default:
                var only = c.OnlyTally ??= scan.Tallies.Values.Single();
                var isLicensed = c.IsLicensed < 0 || Bool(rows, c.IsLicensed, "Is Licensed") != false;
                if (isLicensed) only.Licensed++;
                var lastActivity = Date(rows, c.LastActivity, ReportDefinition.LastActivityDate);
                var active = InWindow(lastActivity);
                // Outlook Mobile: a mailbox user active in the window who used Outlook on a phone.
                if (c.OutlookForMobile >= 0 && rows.Span(c.OutlookForMobile).IsWhiteSpace())
                {
                    active = false;
                    lastActivity = null; // the date is of mail in general, not of the phone app
                }
                if (c.Apps.Length > 0) (lastActivity, active) = Apps(rows, c, scan, lastActivity, windowStart, refresh);
                if (active) only.Active++;
                perUser?.Invoke(new UserRow(scan.Tallies.Keys.First(), upn!, isLicensed, lastActivity, active, false, refresh));
                break;
        }
    }

    /// <summary>Counts the apps the user used in the window; the user's last activity is the latest of the report's
    /// and the apps' (the report's is theirs, but a user active with one app is active whatever the other column says).</summary>
    /// <remarks>The window's days come as values, not as the caller's local function: a delegate of it would put the
    /// caller's locals on the heap for every row of every report.</remarks>
    private static (DateTime? Last, bool Active) Apps(IReportRows rows, ReportColumns c, ReportScan scan, DateTime? lastActivity, DateTime windowStart, DateTime refresh)
    {
        foreach (var (field, ordinal) in c.Apps)
        {
            var used = Date(rows, ordinal, field.Header);
            if (used is not { } day) continue;
            if (day >= windowStart && day <= refresh) scan.AppActive[field.App!]++;
            if (lastActivity is null || day > lastActivity) lastActivity = day;
        }
        return (lastActivity, lastActivity is { } last && last >= windowStart && last <= refresh);
    }

    private static bool IsDeleted(IReportRows rows, ReportColumns c)
    {
        if (c.IsDeleted >= 0) return Bool(rows, c.IsDeleted, ReportDefinition.IsDeleted) == true;
        if (c.UserState >= 0) return rows.Span(c.UserState).Equals("deleted".AsSpan(), StringComparison.OrdinalIgnoreCase);
        return false;
    }

    private static DateTime? Date(IReportRows rows, int ordinal, string name)
    {
        if (ordinal < 0) return null;
        try { return ReportValues.ParseDate(rows.Span(ordinal)); }
        catch (FormatException ex) { throw ReportErrors.ReportDateInvalid(rows.SourceName, rows.Where(rows.Row), name, ex.Message).ToException(); }
    }

    private static bool? Bool(IReportRows rows, int ordinal, string name)
    {
        try { return ReportValues.ParseBool(rows.Span(ordinal)); }
        catch (FormatException ex) { throw ReportErrors.ReportRowMalformed(rows.SourceName, rows.Where(rows.Row), $"column '{name}': {ex.Message}").ToException(); }
    }
}
