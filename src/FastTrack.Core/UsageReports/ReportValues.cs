using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastTrack.Core.UsageReports;

/// <summary>How the reports write values: dates as yyyy-MM-dd, booleans as True/False (most reports) or
/// Yes/No (Teams), names concealed as 32 uppercase hex digits or "(Unknown)" when the tenant hides them.</summary>
internal static class ReportValues
{
    public static bool? ParseBool(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return null;
        if (text.Equals("True".AsSpan(), StringComparison.OrdinalIgnoreCase) || text.Equals("Yes".AsSpan(), StringComparison.OrdinalIgnoreCase)) return true;
        if (text.Equals("False".AsSpan(), StringComparison.OrdinalIgnoreCase) || text.Equals("No".AsSpan(), StringComparison.OrdinalIgnoreCase)) return false;
        throw new FormatException($"'{text.ToString()}' is not True/False or Yes/No");
    }

    /// <summary>The scan's hot path: 1 for True/Yes, 0 for False/No, -1 for empty, in ASCII without a call per
    /// spelling; anything else (another case of a non-ASCII letter, or no boolean) is ParseBool's to decide.</summary>
    /// <exception cref="FormatException">Not a boolean.</exception>
    public static int BoolKey(ReadOnlySpan<char> s)
    {
        // | 0x20 lower-cases ASCII letters and maps nothing else onto one; the spellings differ in length.
        switch (s.Length)
        {
            case 0: return -1;
            case 2 when (s[0] | 0x20) == 'n' && (s[1] | 0x20) == 'o': return 0;
            case 3 when (s[0] | 0x20) == 'y' && (s[1] | 0x20) == 'e' && (s[2] | 0x20) == 's': return 1;
            case 4 when (s[0] | 0x20) == 't' && (s[1] | 0x20) == 'r' && (s[2] | 0x20) == 'u' && (s[3] | 0x20) == 'e': return 1;
            case 5 when (s[0] | 0x20) == 'f' && (s[1] | 0x20) == 'a' && (s[2] | 0x20) == 'l' && (s[3] | 0x20) == 's' && (s[4] | 0x20) == 'e': return 0;
        }
        return ParseBool(s) is { } value ? (value ? 1 : 0) : -1;
    }

    /// <summary>A day as yyyyMMdd (20261122): ordered as the days are, so the 28-day window is two integer
    /// comparisons and no DateTime is made per row.</summary>
    public static int DayKey(DateTime day) => day.Year * 10000 + day.Month * 100 + day.Day;

    public static DateTime DayOf(int key) => new(key / 10000, key / 100 % 100, key % 100);

    /// <summary>The scan's hot path: a yyyy-MM-dd day of the calendar as its key, 0 for empty, -1 for anything
    /// else (a timestamp, or no date: ParseDate's to read or to word the error).</summary>
    [MethodImpl(HotPath.Optimized)]
    public static int DayKey(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return 0;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-') return -1;
        uint y1 = (uint)(s[0] - '0'), y2 = (uint)(s[1] - '0'), y3 = (uint)(s[2] - '0'), y4 = (uint)(s[3] - '0');
        uint m1 = (uint)(s[5] - '0'), m2 = (uint)(s[6] - '0'), d1 = (uint)(s[8] - '0'), d2 = (uint)(s[9] - '0');
        // A char below '0' wraps round to a large uint: one comparison per digit.
        if (y1 > 9 || y2 > 9 || y3 > 9 || y4 > 9 || m1 > 9 || m2 > 9 || d1 > 9 || d2 > 9) return -1;
        var year = (int)(y1 * 1000 + y2 * 100 + y3 * 10 + y4);
        var month = (int)(m1 * 10 + m2);
        var day = (int)(d1 * 10 + d2);
        // Every month has 28 days: the calendar is asked only for the last few of a month.
        if (year < 1 || month is < 1 or > 12 || day < 1 || (day > 28 && day > DateTime.DaysInMonth(year, month))) return -1;
        return year * 10000 + month * 100 + day;
    }

    /// <summary>Whether two short texts are the same, ordinal: the scan's per-row comparisons (a refresh date, a
    /// product), inline rather than the framework's SequenceEqual, whose code is compiled in tiers (HotPath).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Same(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length) return false;
        // Four characters at a time (a refresh date is two words and a character, a product name eight words or so).
        ref var x = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(a));
        ref var y = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(b));
        var i = 0;
        for (; i + 4 <= a.Length; i += 4)
            if (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref x, 2 * i)) != Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref y, 2 * i))) return false;
        for (; i < a.Length; i++)
            if (a[i] != b[i]) return false;
        return true;
    }

    /// <summary>Whether the text is empty or only white space, inline (as <see cref="Same"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsBlank(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsWhiteSpace(c)) return false;
        return true;
    }

    [MethodImpl(HotPath.Optimized)]
    public static bool IsConcealed(ReadOnlySpan<char> s)
    {
        if (s.Length == 9) return Same(s, "(Unknown)".AsSpan());
        if (s.Length != 32) return false;
        foreach (var ch in s)
        {
            if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'F'))) return false;
        }
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if (d < 0 || d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }

    /// <summary>Report dates are ISO 8601 and nothing else: yyyy-MM-dd in every CSV Graph and the admin center
    /// write, or a full timestamp (2021-10-25T00:00:00Z, as the beta JSON writes it since 2021), read as its
    /// UTC date. No culture's format is tried: 12/11/2026 is 12 November in one and 11 December in another,
    /// and 1/2/3 is anything. Empty means "never".</summary>
    /// <exception cref="FormatException">Anything else, year 0000, or a day no calendar has (2023-02-29).</exception>
    /// <remarks>The hot path, yyyy-MM-dd, is read from the span without a string.</remarks>
    public static DateTime? ParseDate(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return null;
        if (s.Length == 10 && TryDay(s, out var day)) return day;
        var text = s.ToString();
        if (s.Length > 10 && s[10] == 'T'
            && DateTimeOffset.TryParseExact(text, Timestamps, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp))
        {
            return stamp.UtcDateTime.Date;
        }
        throw new FormatException(s.Length == 10 && s[4] == '-' && s[7] == '-'
            ? $"'{text}' is not a day of the calendar"
            : $"'{text}' is not a date in the reports' format, yyyy-MM-dd (day-first and month-first dates cannot be told apart, so none is guessed)");
    }

    // K: Z, an offset, or nothing (then UTC, as Graph means it). Out-of-range results fail the parse, never throw.
    private static readonly string[] Timestamps = { "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK" };

    private static bool TryDay(ReadOnlySpan<char> s, out DateTime day)
    {
        day = default;
        if (s[4] != '-' || s[7] != '-'
            || !TryDigits(s, 0, 4, out var year) || !TryDigits(s, 5, 2, out var month) || !TryDigits(s, 8, 2, out var dayOfMonth))
        {
            return false;
        }
        // Year 0000 passes the digit test but is no DateTime year: DaysInMonth would throw.
        if (year < 1 || month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(year, month)) return false;
        day = new DateTime(year, month, dayOfMonth);
        return true;
    }
}
