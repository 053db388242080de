using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastTrack.Core.UsageReports;

// The counting of a live user's row: who is active in the 28-day window, who holds the licence.
internal sealed partial class ReportPass
{
    [MethodImpl(HotPath.Optimized)]
    private void Count(ulong appsUser, bool isApps)
    {
        var upn = _perUser is null ? null : _rows.Get(_columns.Upn) ?? "";
        if (_only is { } only)
        {
            CountOnly(only, upn);
            return;
        }
        if (AppsUsers is { } apps)
        {
            // One row per user and product: Microsoft 365 Apps rows count the users it is assigned to, a user with
            // Apps for enterprise and for business once (counted when the report is read). "(Unknown)" names
            // cannot be told apart: each of their rows counts.
            if (!isApps) return;
            if (appsUser != 0) apps.Add(appsUser, Row);
            else Scan.Tallies[Playbook.M365Service.Microsoft365Apps].Licensed++;
            return;
        }
        // The active-user report: a licence and a last activity date per service.
        var services = _columns.PerService;
        for (var i = 0; i < services.Length; i++)
        {
            var service = services[i];
            var licensed = Bool(service.HasLicense, service.HasLicenseName) == 1;
            var last = Day(service.LastActivity, service.LastActivityName);
            var active = InWindow(last);
            // Added, not branched on: which users hold a licence or were active follows no pattern a branch predicts.
            _perService[i].Licensed += licensed ? 1 : 0;
            _perService[i].Active += active ? 1 : 0;
            _perUser?.Invoke(new UserRow(service.Service, upn!, licensed, last == 0 ? null : ReportValues.DayOf(last), active, false, _refresh));
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private void CountOnly(ServiceTally only, string? upn)
    {
        var licensed = _columns.IsLicensed < 0 || Bool(_columns.IsLicensed, "Is Licensed") != 0;
        if (licensed) only.Licensed++;
        var last = _columns.LastActivity < 0 ? 0 : Day(_columns.LastActivity, ReportDefinition.LastActivityDate);
        var active = InWindow(last);
        // Outlook Mobile: a mailbox user active in the window who used Outlook on a phone.
        if (_columns.OutlookForMobile >= 0 && ReportValues.IsBlank(Span(_columns.OutlookForMobile)))
        {
            active = false;
            last = 0; // the date is of mail in general, not of the phone app
        }
        if (_columns.Apps.Length > 0) active = Apps(ref last);
        if (active) only.Active++;
        _perUser?.Invoke(new UserRow(_services[0], upn!, licensed, last == 0 ? null : ReportValues.DayOf(last), active, false, _refresh));
    }

    /// <summary>Counts the apps the user used in the window (Microsoft 365 Copilot's per-app columns); the user's last
    /// activity becomes the latest of the report's and the apps' (a user active with one app is active whatever the
    /// other column says). Whether the user is active in the window.</summary>
    private bool Apps(ref int last)
    {
        foreach (var (field, ordinal) in _columns.Apps)
        {
            var day = Day(ordinal, field.Header);
            if (day == 0) continue;
            if (InWindow(day)) Scan.AppActive[field.App!]++;
            if (day > last) last = day;
        }
        return InWindow(last);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool InWindow(int day) => (uint)(day - _windowStartKey) <= (uint)(_refreshKey - _windowStartKey); // one comparison, no branch

    /// <summary>The field's day as yyyyMMdd, 0 when empty; anything but a day of the calendar is refused by name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Day(int ordinal, string name)
    {
        var span = Span(ordinal);
        if (span.IsEmpty) return 0; // never active: without a call (half the wide report's dates are empty)
        var day = ReportValues.DayKey(span);
        return day >= 0 ? day : Date(ordinal, name) is { } date ? ReportValues.DayKey(date) : 0;
    }

    private DateTime? Date(int ordinal, string name)
    {
        if (ordinal < 0) return null;
        try { return ReportValues.ParseDate(Span(ordinal)); }
        catch (FormatException ex) { throw ReportErrors.ReportDateInvalid(_rows.SourceName, _rows.Where(_rows.Row), name, ex.Message).ToException(); }
    }

    /// <summary>1 true, 0 false, -1 empty; anything else is refused by name.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Bool(int ordinal, string name)
    {
        var span = Span(ordinal);
        if ((uint)(span.Length - 4) <= 1)
        {
            // True or False (most reports), told apart without a branch on which: a row's booleans follow no pattern.
            var first = MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(span));
            var isTrue = (first == TrueChars) & (span.Length == 4);
            var isFalse = (first == FalsChars) & (span[span.Length - 1] == 'e');
            if (isTrue | isFalse) return isTrue ? 1 : 0;
        }
        switch (span.Length)
        {
            // The exact spellings the reports write, without a call; every other spelling goes to BoolKey.
            case 2 when span[0] == 'N' && span[1] == 'o': return 0;
            case 3 when span[0] == 'Y' && span[1] == 'e' && span[2] == 's': return 1;
            case 4 when span[0] == 'T' && span[1] == 'r' && span[2] == 'u' && span[3] == 'e': return 1;
            case 5 when span[0] == 'F' && span[1] == 'a' && span[2] == 'l' && span[3] == 's' && span[4] == 'e': return 0;
        }
        return BoolOther(span, name);
    }

    // "True" and "Fals" as four UTF-16 characters read as one little-endian word (big-endian machines take the switch).
    private static readonly ulong TrueChars = BitConverter.IsLittleEndian ? 0x0065_0075_0072_0054UL : 0;
    private static readonly ulong FalsChars = BitConverter.IsLittleEndian ? 0x0073_006C_0061_0046UL : 0;

    private int BoolOther(ReadOnlySpan<char> span, string name)
    {
        try { return ReportValues.BoolKey(span); }
        catch (FormatException ex) { throw ReportErrors.ReportRowMalformed(_rows.SourceName, _rows.Where(_rows.Row), $"column '{name}': {ex.Message}").ToException(); }
    }
}
