using System;
using System.Collections.Generic;
using System.IO;
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

    private static readonly JsonSerializer s_serializer = JsonSerializer.Create(s_settings);

    public static string Serialize(CustomerPlan plan) => JsonConvert.SerializeObject(plan, s_settings) + "\n";

    public static CustomerPlan Deserialize(string text, string path, IReadOnlyList<PlanMigration>? migrations = null)
    {
        if (text.Trim().Length == 0) throw Unreadable(path, "the file is empty", null);
        JObject document;
        try
        {
            using var reader = new JsonTextReader(new StringReader(text));
            document = JObject.Load(reader);
            while (reader.Read()) { } // content after the document is a fault too
        }
        catch (JsonReaderException ex)
        {
            throw Unreadable(path, ex.Message, ex);
        }

        var version = document.Value<int?>("schemaVersion")
            ?? throw Unreadable(path, "it has no schemaVersion, so it is not a FastTrack plan", null);
        if (version > CustomerPlan.CurrentSchemaVersion)
        {
            throw new FtError("PlanSchemaTooNew", FtErrorKind.InvalidData, path,
                $"The plan file '{path}' has schema version {version}, written by a newer FastTrack.PowerShell; this one reads up to {CustomerPlan.CurrentSchemaVersion}. " +
                "Update the module (Update-Module FastTrack.PowerShell). The file was left untouched.").ToException();
        }
        foreach (var migration in migrations ?? PlanMigration.All)
        {
            if (migration.FromVersion < version) continue;
            migration.Apply(document);
            document["schemaVersion"] = migration.FromVersion + 1;
        }
        try
        {
            return document.ToObject<CustomerPlan>(s_serializer)
                ?? throw Unreadable(path, "it holds no plan", null);
        }
        catch (JsonException ex)
        {
            throw Unreadable(path, ex.Message, ex);
        }
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
        return new FtError("PlanUnreadable", FtErrorKind.InvalidData, path,
            $"The plan file '{path}' cannot be read{where}: {FirstSentence(reason)}. It was left untouched; " +
            $"fix it, or restore the previous version from '{path}.bak'.").ToException(inner);
    }

    // Newtonsoft appends "Path 'x', line n, position m." — the line and position are already said.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).TrimEnd('.', ' ');
    }

    /// <summary>Only settable properties are stored: computed ones (OpenBlockers, IsMet) are derived on read.</summary>
    private sealed class StoredPropertiesResolver : CamelCasePropertyNamesContractResolver
    {
        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (!property.Writable) property.ShouldSerialize = _ => false;
            return property;
        }
    }
}
