using System;
using System.Globalization;

namespace FastTrack.Core.Usage.Reports;

/// <summary>How the reports write values: dates as yyyy-MM-dd, booleans as True/False (most reports) or
/// Yes/No (Teams), names concealed as 32 uppercase hex digits or "(Unknown)" when the tenant hides them.</summary>
internal static class ReportValues
{
    public static bool? ParseBool(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text!.Equals("True", StringComparison.OrdinalIgnoreCase) || text.Equals("Yes", StringComparison.OrdinalIgnoreCase)) return true;
        if (text.Equals("False", StringComparison.OrdinalIgnoreCase) || text.Equals("No", StringComparison.OrdinalIgnoreCase)) return false;
        throw new FormatException($"'{text}' is not True/False or Yes/No");
    }

    public static bool? ParseBool(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return null;
        if (text.Equals("True".AsSpan(), StringComparison.OrdinalIgnoreCase) || text.Equals("Yes".AsSpan(), StringComparison.OrdinalIgnoreCase)) return true;
        if (text.Equals("False".AsSpan(), StringComparison.OrdinalIgnoreCase) || text.Equals("No".AsSpan(), StringComparison.OrdinalIgnoreCase)) return false;
        throw new FormatException($"'{text.ToString()}' is not True/False or Yes/No");
    }

    /// <summary>The hot path: yyyy-MM-dd read from the span; anything else goes the string way.</summary>
    public static DateTime? ParseDate(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return null;
        if (s.Length == 10 && s[4] == '-' && s[7] == '-'
            && TryDigits(s, 0, 4, out var year) && TryDigits(s, 5, 2, out var month) && TryDigits(s, 8, 2, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateTime(year, month, day);
        }
        return ParseDate(s.ToString());
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

    /// <summary>yyyy-MM-dd without culture lookups. Empty means "never".</summary>
    public static DateTime? ParseDate(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var s = text!;
        if (s.Length >= 10 && s[4] == '-' && s[7] == '-'
            && TryDigits(s, 0, 4, out var year) && TryDigits(s, 5, 2, out var month) && TryDigits(s, 8, 2, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateTime(year, month, day);
        }
        // Some exports write full timestamps (the beta JSON changed to 2021-10-25T00:00:00Z).
        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            return parsed.Date;
        throw new FormatException($"'{text}' is not a date (yyyy-MM-dd)");
    }

    public static bool IsConcealed(string? userPrincipalName)
    {
        if (string.IsNullOrEmpty(userPrincipalName)) return false;
        var s = userPrincipalName!;
        if (s == "(Unknown)") return true;
        if (s.Length != 32) return false;
        foreach (var ch in s)
        {
            if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'F'))) return false;
        }
        return true;
    }

    private static bool TryDigits(string s, int start, int count, out int value)
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
}
