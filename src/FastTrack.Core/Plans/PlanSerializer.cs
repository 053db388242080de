using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using FastTrack.Core.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace FastTrack.Core.Plans;

/// <summary>Plan documents: human-readable JSON (camelCase, enums by name, indented), with a schema
/// version that is checked and migrated on read. A file that cannot be read is reported with its path
/// and the line and position of the fault.</summary>
internal static class PlanSerializer
{
    private static readonly JsonSerializerSettings s_settings = new()
    {
        ContractResolver = new StoredPropertiesResolver(),
        Converters = { new StringEnumConverter() },
        Formatting = Formatting.Indented,
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        DateTimeZoneHandling = DateTimeZoneHandling.RoundtripKind,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        ConstructorHandling = ConstructorHandling.AllowNonPublicDefaultConstructor,
    };

    // Reading is stricter than writing: an enum must be one of its names (a number like "service": 99 is
    // no service), and a key written twice is a fault, not "the last one wins".
    private static readonly JsonSerializer s_reader = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = s_settings.ContractResolver,
        Converters = { new StringEnumConverter { AllowIntegerValues = false } },
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        DateTimeZoneHandling = DateTimeZoneHandling.RoundtripKind,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        ConstructorHandling = ConstructorHandling.AllowNonPublicDefaultConstructor,
        FloatParseHandling = FloatParseHandling.Double,
    });

    private static readonly JsonLoadSettings s_load = new() { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error };

    public static string Serialize(CustomerPlan plan) => JsonConvert.SerializeObject(plan, s_settings) + "\n";

    public static CustomerPlan Deserialize(string text, string path, IReadOnlyList<PlanMigration>? migrations = null)
    {
        if (text.Trim().Length == 0) throw Unreadable(path, "the file is empty", null);
        JObject document;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
            document = JObject.Load(reader, s_load);
            while (reader.Read()) { } // content after the document is a fault too
        }
        catch (JsonReaderException ex)
        {
            throw Unreadable(path, ex.Message, ex);
        }

        var version = SchemaVersionOf(document, path);
        if (version > CustomerPlan.CurrentSchemaVersion)
        {
            throw PlanErrors.PlanSchemaTooNew(path, version).ToException();
        }
        CustomerPlan plan;
        try
        {
            foreach (var migration in migrations ?? PlanMigration.All)
            {
                if (migration.FromVersion < version) continue;
                migration.Apply(document);
                document["schemaVersion"] = migration.FromVersion + 1;
            }
            plan = document.ToObject<CustomerPlan>(s_reader) ?? throw Unreadable(path, "it holds no plan", null);
        }
        catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is InvalidCastException || ex is OverflowException || ex is ArgumentException)
        {
            // A value of the wrong type or size (a number where a date belongs, 1e400 where a count does),
            // met while migrating or binding.
            throw Unreadable(path, ex.Message, ex);
        }
        var problem = PlanValidator.ReadProblems(plan).FirstOrDefault();
        if (problem is not null)
        {
            throw PlanErrors.PlanInvalid(path, problem).ToException();
        }
        return plan;
    }

    /// <summary>The schema version: a whole number, or the file is not a plan this module can read.</summary>
    private static int SchemaVersionOf(JObject document, string path)
    {
        var token = document["schemaVersion"];
        if (token is null) throw Unreadable(path, "it has no schemaVersion, so it is not a FastTrack plan", null);
        if (token is JValue { Type: JTokenType.Integer, Value: long version } && version >= 0 && version <= int.MaxValue) return (int)version;
        var line = (IJsonLineInfo)token;
        throw PlanErrors.PlanUnreadable(path, $" (line {line.LineNumber}, position {line.LinePosition})",
            $"its schemaVersion must be a whole number, not {token.ToString(Formatting.None)}").ToException();
    }

    private static FtException Unreadable(string path, string reason, Exception? inner)
    {
        var (line, position) = inner switch
        {
            JsonReaderException r => (r.LineNumber, r.LinePosition),
            JsonSerializationException s => (s.LineNumber, s.LinePosition),
            _ => (0, 0),
        };
        var where = line > 0 ? $" (line {line}, position {position})" : "";
        return PlanErrors.PlanUnreadable(path, where, FirstSentence(reason)).ToException(inner);
    }

    // Newtonsoft appends "Path 'x', line n, position m." — the line and position are already said.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).TrimEnd('.', ' ');
    }

    /// <summary>Only settable properties are stored: computed ones (OpenBlockers, IsMet) are derived on read.
    /// Every DateTime of a plan is a calendar date, but a check-in's start (a wall-clock time); instants are
    /// DateTimeOffsets and keep their offset.</summary>
    private sealed class StoredPropertiesResolver : CamelCasePropertyNamesContractResolver
    {
        private static readonly CalendarDateConverter s_date = new(withTime: false);
        private static readonly CalendarDateConverter s_wallClock = new(withTime: true);

        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (!property.Writable) property.ShouldSerialize = _ => false;
            if (property.PropertyType == typeof(DateTime) || property.PropertyType == typeof(DateTime?))
                property.Converter = member.DeclaringType == typeof(CheckIn) && member.Name == nameof(CheckIn.Date) ? s_wallClock : s_date;
            return property;
        }
    }
}
