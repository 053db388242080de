using System;
using System.Globalization;

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

    public static bool IsConcealed(ReadOnlySpan<char> s)
    {
        if (s.Length == 9) return s.SequenceEqual("(Unknown)".AsSpan());
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
