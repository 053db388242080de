using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace FastTrack.Core.Workflow;

/// <summary>One meeting of an iCalendar file.</summary>
public sealed class CalendarEvent
{
    public string Uid { get; set; } = "";
    public DateTimeOffset Start { get; set; }
    public TimeSpan Duration { get; set; }
    public string Summary { get; set; } = "";
    public string Description { get; set; } = "";
    public IReadOnlyList<string> Categories { get; set; } = Array.Empty<string>();
}

/// <summary>Writes an RFC 5545 calendar that Outlook imports: CRLF lines folded at 75 octets, text
/// escaped, times in UTC. Written by hand because Ical.Net's netstandard2.0 build needs a package the
/// mirror lacks; the tests parse every file back with Ical.Net.</summary>
public static class IcsWriter
{
    public static string Write(IEnumerable<CalendarEvent> events, DateTimeOffset stamp)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//FastTrack.PowerShell//Success check-ins//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        };
        foreach (var e in events)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + Escape(e.Uid));
            lines.Add("DTSTAMP:" + Utc(stamp));
            lines.Add("DTSTART:" + Utc(e.Start));
            lines.Add("DTEND:" + Utc(e.Start + e.Duration));
            lines.Add("SUMMARY:" + Escape(e.Summary));
            lines.Add("DESCRIPTION:" + Escape(e.Description));
            if (e.Categories.Count > 0) lines.Add("CATEGORIES:" + string.Join(",", e.Categories.Select(Escape)));
            lines.Add("TRANSP:OPAQUE");
            lines.Add("END:VEVENT");
        }
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines) Fold(text, line);
        return text.ToString();
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    // RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values.
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    // RFC 5545 3.1: lines longer than 75 octets continue on the next line after CRLF and a space,
    // never splitting a UTF-8 sequence.
    private static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var ch in line)
        {
            var size = Encoding.UTF8.GetByteCount(new[] { ch });
            if (char.IsHighSurrogate(ch)) size = 4;
            else if (char.IsLowSurrogate(ch)) size = 0;
            if (octets + size > limit && size > 0)
            {
                output.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            output.Append(ch);
            octets += size;
        }
        output.Append("\r\n");
    }
}
