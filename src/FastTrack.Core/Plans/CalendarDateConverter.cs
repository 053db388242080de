using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace FastTrack.Core.Plans;

/// <summary>Writes the plan's DateTime values as what they are: calendar dates ("2026-11-30": a blocker opened,
/// a service enabled, a task due) or, for a check-in, a wall-clock time without an offset. Reading takes the
/// date (and time) as written, never converting between time zones: a blocker opened "today" in UTC+14 stays
/// on that day when a colleague in UTC−11 reads the plan. Version-1 files wrote "2026-11-30T00:00:00" and,
/// for values that came from Get-Date, an offset; both read as their written date.</summary>
internal sealed class CalendarDateConverter : JsonConverter
{
    private static readonly Regex s_written = new(@"^(?<date>\d{4}-\d{2}-\d{2})(T(?<time>\d{2}:\d{2}(:\d{2}(\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?)?$", RegexOptions.CultureInvariant);

    public CalendarDateConverter(bool withTime) => WithTime = withTime;

    /// <summary>A wall-clock time (a meeting's start), not only a date.</summary>
    public bool WithTime { get; }

    public override bool CanConvert(Type objectType) => objectType == typeof(DateTime) || objectType == typeof(DateTime?);

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is not DateTime date) { writer.WriteNull(); return; }
        writer.WriteValue(date.ToString(WithTime ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        if (reader.TokenType == JsonToken.Null)
        {
            if (objectType == typeof(DateTime?)) return null;
            throw Fault(reader, "A date is required here, not null.");
        }
        var text = reader.TokenType == JsonToken.String ? (string)reader.Value! : reader.TokenType == JsonToken.Date ? ((DateTime)reader.Value!).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) : null;
        var match = text is null ? Match.Empty : s_written.Match(text);
        if (!match.Success
            || !DateTime.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Fault(reader, $"'{reader.Value}' is not a date (yyyy-MM-dd).");
        }
        if (WithTime && match.Groups["time"].Success && TimeSpan.TryParse(match.Groups["time"].Value, CultureInfo.InvariantCulture, out var time) && time < TimeSpan.FromDays(1))
            date += time;
        return DateTime.SpecifyKind(date, DateTimeKind.Unspecified);
    }

    private static JsonSerializationException Fault(JsonReader reader, string message)
    {
        var line = reader as IJsonLineInfo;
        return new JsonSerializationException(message, reader.Path, line?.LineNumber ?? 0, line?.LinePosition ?? 0, null);
    }
}
