using System.Collections.Generic;
using Newtonsoft.Json;

namespace FastTrack.Core.Playbook;

// The shape of playbook-*.json. Internal: Newtonsoft stays behind the core's public surface.
#pragma warning disable CS8618 // set by the deserializer; PlaybookCatalog.Load validates what is required.
internal sealed class CatalogDocument
{
    [JsonProperty("schema")] public int Schema { get; set; }
    [JsonProperty("playbook")] public PlaybookInfoDocument Playbook { get; set; }
    [JsonProperty("activeUsageGoal")] public GoalDocument ActiveUsageGoal { get; set; }
    [JsonProperty("roles")] public Dictionary<string, Dictionary<string, string>> Roles { get; set; }
    [JsonProperty("motions")] public Dictionary<string, string> Motions { get; set; }
    [JsonProperty("services")] public List<ServiceDocument> Services { get; set; }
    [JsonProperty("activities")] public List<ActivityDocument> Activities { get; set; }
    [JsonProperty("tasks")] public List<TaskDocument> Tasks { get; set; }
    [JsonProperty("keyInputs")] public List<TextItemDocument> KeyInputs { get; set; }
    [JsonProperty("keyOutcomes")] public List<TextItemDocument> KeyOutcomes { get; set; }
    [JsonProperty("nextStep")] public NextStepDocument NextStep { get; set; }
    [JsonProperty("checks")] public List<CheckDocument> Checks { get; set; } = new();
    [JsonProperty("readings")] public ReadingsDocument Readings { get; set; } = new();
    [JsonProperty("messages")] public Dictionary<string, Dictionary<string, string>> Messages { get; set; } = new();
}

internal sealed class CheckDocument
{
    [JsonProperty("id")] public string Id { get; set; }
    [JsonProperty("kind")] public string Kind { get; set; }
    [JsonProperty("gates")] public bool Gates { get; set; }
    [JsonProperty("text")] public Dictionary<string, string> Text { get; set; }
}

internal sealed class ReadingsDocument
{
    [JsonProperty("trainingReachPercent")] public double TrainingReachPercent { get; set; } = 10;
}

internal sealed class PlaybookInfoDocument
{
    [JsonProperty("id")] public string Id { get; set; }
    [JsonProperty("version")] public string Version { get; set; }
    [JsonProperty("title")] public Dictionary<string, string> Title { get; set; }
    [JsonProperty("source")] public string Source { get; set; }
}

internal sealed class GoalDocument
{
    [JsonProperty("percent")] public double Percent { get; set; }
    [JsonProperty("windowDays")] public int WindowDays { get; set; }
    [JsonProperty("text")] public Dictionary<string, string> Text { get; set; }
}

internal sealed class ServiceDocument
{
    [JsonProperty("id")] public M365Service Id { get; set; }
    [JsonProperty("aliases")] public List<string> Aliases { get; set; } = new();
    [JsonProperty("name")] public Dictionary<string, string> Name { get; set; }
    [JsonProperty("modernComms")] public bool ModernComms { get; set; }
}

internal sealed class ActivityDocument
{
    [JsonProperty("id")] public string Id { get; set; }
    [JsonProperty("order")] public int Order { get; set; }
    [JsonProperty("name")] public Dictionary<string, string> Name { get; set; }
    [JsonProperty("role")] public string Role { get; set; }
    [JsonProperty("appliesTo")] public List<string> AppliesTo { get; set; }
    [JsonProperty("suppressesForSameWorkload")] public List<string> SuppressesForSameWorkload { get; set; } = new();
    [JsonProperty("rule")] public Dictionary<string, string> Rule { get; set; }
    [JsonProperty("appliesWhen")] public List<string> AppliesWhen { get; set; } = new();
    [JsonProperty("decision")] public string? Decision { get; set; }
    [JsonProperty("handsWorkloadToCsm")] public bool HandsWorkloadToCsm { get; set; }
    [JsonProperty("doneWhen")] public string? DoneWhen { get; set; }
}

internal sealed class TaskDocument
{
    [JsonProperty("id")] public int Id { get; set; }
    [JsonProperty("activity")] public string Activity { get; set; }
    [JsonProperty("service")] public M365Service Service { get; set; }
    [JsonProperty("mandatory")] public bool Mandatory { get; set; }
    [JsonProperty("role")] public string Role { get; set; }
    [JsonProperty("name")] public Dictionary<string, string> Name { get; set; }
    [JsonProperty("formerNames")] public List<string> FormerNames { get; set; } = new();
}

internal sealed class TextItemDocument
{
    [JsonProperty("id")] public string Id { get; set; }
    [JsonProperty("text")] public Dictionary<string, string> Text { get; set; }
}

internal sealed class NextStepDocument
{
    [JsonProperty("taskId")] public int TaskId { get; set; }
    [JsonProperty("process")] public Dictionary<string, string> Process { get; set; }
    [JsonProperty("taskName")] public Dictionary<string, string> TaskName { get; set; }
    [JsonProperty("text")] public Dictionary<string, string> Text { get; set; }
}
#pragma warning restore CS8618
