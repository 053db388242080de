using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using FastTrack.Core.Playbook;
using Sylvan.Data.Csv;

namespace FastTrack.Core.KeyInputs;

/// <summary>Reads getOffice365ActiveUserCounts (CSV, one row per day, newest first as Graph writes it). Its
/// columns count each service's active users that day; Microsoft 365 Apps, Outlook mobile and Copilot have
/// no column, so their first use is not read here. A count or date it cannot read is refused by line.</summary>
public static class DailyActivityParser
{
    private const string ReportDate = "Report Date";

    /// <summary>The report's columns between the refresh date and the report date, in Graph's order, each with the
    /// service it counts (null: a total, or a service this module does not measure). The sample tenant writes them.</summary>
    internal static readonly (string Column, M365Service? Service)[] CountColumns =
    {
        ("Office 365", null), ("Exchange", M365Service.Exchange), ("OneDrive", M365Service.OneDrive), ("SharePoint", M365Service.SharePoint),
        ("Skype For Business", null), ("Yammer", M365Service.Yammer), ("Teams", M365Service.Teams),
    };

    private static readonly (string Column, M365Service Service)[] s_columns =
        CountColumns.Where(c => c.Service is not null).Select(c => (c.Column, c.Service!.Value)).ToArray();

    /// <summary>The services this report counts.</summary>
    public static IReadOnlyCollection<M365Service> Services { get; } = s_columns.Select(c => c.Service).ToList();

    public static DailyActivity Parse(string csv, string source)
    {
        using var reader = CsvDataReader.Create(new StringReader(csv.TrimStart('\uFEFF')));
        var columns = s_columns.ToDictionary(c => c.Service, c => Ordinal(reader, c.Column, source));
        var dateColumn = Ordinal(reader, ReportDate, source);
        var firstActive = new Dictionary<M365Service, DateTime>();
        DateTime? first = null, last = null;
        var line = 1;
        while (reader.Read())
        {
            line++;
            var day = Date(reader.GetString(dateColumn), source, line);
            first = first is null || day < first ? day : first;
            last = last is null || day > last ? day : last;
            foreach (var column in columns)
            {
                if (Count(reader.GetString(column.Value), source, line) > 0 && (!firstActive.TryGetValue(column.Key, out var seen) || day < seen))
                    firstActive[column.Key] = day;
            }
        }
        if (first is null) throw KeyInputErrors.ActiveUserCountsUnreadable(source, line, "the report has no day").ToException();
        return new DailyActivity(source, first.Value, last!.Value, firstActive);
    }

    private static int Ordinal(CsvDataReader reader, string column, string source)
    {
        try { return reader.GetOrdinal(column); }
        catch (IndexOutOfRangeException) { throw KeyInputErrors.ActiveUserCountsUnreadable(source, 1, $"the column '{column}' is missing").ToException(); }
    }

    private static DateTime Date(string text, string source, int line) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw KeyInputErrors.ActiveUserCountsUnreadable(source, line, $"'{text}' in '{ReportDate}' is not a date").ToException();

    // An empty cell is a day without users, as Graph writes it in the counts reports.
    private static long Count(string text, string source, int line) =>
        text.Length == 0 ? 0
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count
        : throw KeyInputErrors.ActiveUserCountsUnreadable(source, line, $"'{text}' is not a count of users").ToException();
}
