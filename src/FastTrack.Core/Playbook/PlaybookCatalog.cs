using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using FastTrack.Core.Text;
using Newtonsoft.Json;

namespace FastTrack.Core.Playbook;

/// <summary>The playbook as versioned data: services, activities, FTOP tasks, key inputs and outcomes,
/// next step and the AU goal. A later playbook revision is a new JSON resource, not new code.</summary>
public sealed class PlaybookCatalog
{
    public const string DefaultResourceName = "FastTrack.Core.Playbook.playbook-2020.json";

    private static readonly Lazy<PlaybookCatalog> s_default = new(() =>
    {
        using var stream = typeof(PlaybookCatalog).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"The embedded playbook '{DefaultResourceName}' is missing from the build.");
        return Load(stream, DefaultResourceName);
    });

    private readonly LocalizedText _title;
    private readonly LocalizedText _goalText;
    private readonly LocalizedText _motions;
    private readonly IReadOnlyDictionary<string, LocalizedText> _roles;

    private PlaybookCatalog(CatalogDocument doc)
    {
        Id = doc.Playbook.Id;
        Version = doc.Playbook.Version;
        Source = doc.Playbook.Source;
        _title = Text(doc.Playbook.Title);
        ActiveUsageGoalPercent = doc.ActiveUsageGoal.Percent;
        ActiveUsageWindowDays = doc.ActiveUsageGoal.WindowDays;
        _goalText = Text(doc.ActiveUsageGoal.Text);
        _motions = Text(doc.Motions);
        _roles = doc.Roles.ToDictionary(r => r.Key, r => Text(r.Value), StringComparer.OrdinalIgnoreCase);

        Services = doc.Services
            .Select(s => new ServiceDefinition(s.Id, s.Aliases, Text(s.Name), s.ModernComms))
            .ToArray();
        Tasks = doc.Tasks
            .Select(t => new TaskDefinition(t.Id, t.Activity, t.Service, t.Mandatory, t.Role, Text(t.Name), t.FormerNames))
            .ToArray();
        Activities = doc.Activities
            .OrderBy(a => a.Order)
            .Select(a => new ActivityDefinition(a.Id, a.Order, Text(a.Name), a.Role,
                a.AppliesTo.Where(x => x != "*").Select(x => (M365Service)Enum.Parse(typeof(M365Service), x)).ToArray(),
                a.AppliesTo.Contains("*"), a.SuppressesForSameWorkload, Text(a.Rule))
            {
                Tasks = Tasks.Where(t => t.ActivityId == a.Id).ToArray(),
                AppliesWhen = a.AppliesWhen,
                Decision = a.Decision,
                HandsWorkloadToCsm = a.HandsWorkloadToCsm,
                DoneWhen = a.DoneWhen,
            })
            .ToArray();
        KeyInputs = doc.KeyInputs.Select(k => new CatalogText(k.Id, Text(k.Text))).ToArray();
        KeyOutcomes = doc.KeyOutcomes.Select(k => new CatalogText(k.Id, Text(k.Text))).ToArray();
        NextStep = new NextStepDefinition(doc.NextStep.TaskId, Text(doc.NextStep.Process), Text(doc.NextStep.TaskName), Text(doc.NextStep.Text));
        Checks = doc.Checks.Select(c => new CatalogCheck(c.Id, c.Kind, c.Gates, Text(c.Text))).ToArray();
        TrainingReachPercent = doc.Readings.TrainingReachPercent;
        _messages = doc.Messages.ToDictionary(m => m.Key, m => Text(m.Value), StringComparer.Ordinal);
    }

    private readonly IReadOnlyDictionary<string, LocalizedText> _messages;

    /// <summary>The 2020 partner playbook shipped with the module.</summary>
    public static PlaybookCatalog Default => s_default.Value;

    public string Id { get; }
    public string Version { get; }
    public string Source { get; }
    /// <summary>The AU level every intended service must reach ("increase AU to the minimal 10%").</summary>
    public double ActiveUsageGoalPercent { get; }
    /// <summary>Days of the active-usage window (users active in the last 28 days).</summary>
    public int ActiveUsageWindowDays { get; }
    public IReadOnlyList<ServiceDefinition> Services { get; }
    public IReadOnlyList<ActivityDefinition> Activities { get; }
    public IReadOnlyList<TaskDefinition> Tasks { get; }
    public IReadOnlyList<CatalogText> KeyInputs { get; }
    public IReadOnlyList<CatalogText> KeyOutcomes { get; }
    public NextStepDefinition NextStep { get; }
    /// <summary>The playbook's checks beyond the key inputs and outcomes (mandatory tasks, the check-in cadence).</summary>
    public IReadOnlyList<CatalogCheck> Checks { get; }
    /// <summary>The share of a service's licensed users its training must reach by default (a reading, not the page's).</summary>
    public double TrainingReachPercent { get; }
    /// <summary>The ids of the texts the rules speak (next actions, criteria evidence).</summary>
    public IEnumerable<string> MessageIds => _messages.Keys;

    /// <summary>The languages every message is written in ("en", "es"): what -Culture can choose from.</summary>
    public IReadOnlyList<string> Languages => _messages.Values.Select(m => m.Languages).Aggregate((a, b) => a.Intersect(b)).OrderBy(l => l, StringComparer.Ordinal).ToList();

    /// <summary>A text of the rules in a culture (English when the culture has none), formatted with the
    /// culture's numbers. An id the catalogue lacks is a bug of the build, not of the user's data. The bidi
    /// controls of a text argument (a CSM's name, a blocker, a metric) are balanced, so a right-to-left
    /// override in it cannot reverse the words of the sentence that follow it.</summary>
    public string Message(string id, CultureInfo culture, params object?[] args)
    {
        if (!_messages.TryGetValue(id, out var text))
            throw new InvalidOperationException($"The playbook catalogue has no message '{id}'.");
        return string.Format(culture, text.Get(culture), args.Select(BalancedText).ToArray());
    }

    // Numbers, dates and enums keep their format strings ({1:yyyy-MM-dd}); anything else is text anyway.
    private static object? BalancedText(object? arg) =>
        arg is null or IFormattable ? arg : BidiControls.Balance(arg.ToString() ?? "");

    /// <summary>The languages of a message, for the tests that keep every message in every language.</summary>
    internal IEnumerable<string> MessageTexts(string id) => _messages[id].AllTexts;
    public string Title(CultureInfo culture) => _title.Get(culture);
    public string GoalText(CultureInfo culture) => _goalText.Get(culture);
    public string Motions(CultureInfo culture) => _motions.Get(culture);
    public string RoleName(string roleId, CultureInfo culture) => _roles.TryGetValue(roleId, out var r) ? r.Get(culture) : roleId;

    public ServiceDefinition Service(M365Service id) => Services.First(s => s.Id == id);

    public ActivityDefinition Activity(string id) => Activities.First(a => a.Id == id);

    public TaskDefinition? Task(int id) => Tasks.FirstOrDefault(t => t.Id == id);

    /// <summary>Reads a catalogue document; a broken one names the resource and the position of the fault.</summary>
    public static PlaybookCatalog Load(Stream json, string sourceName)
    {
        CatalogDocument? doc;
        try
        {
            using var reader = new StreamReader(json);
            doc = JsonConvert.DeserializeObject<CatalogDocument>(reader.ReadToEnd());
        }
        catch (JsonException ex)
        {
            throw PlaybookErrors.PlaybookCatalogInvalid(sourceName, ex.Message.TrimEnd('.')).ToException(ex);
        }
        if (doc?.Playbook is null || doc.Services is null || doc.Activities is null || doc.Tasks is null
            || doc.KeyInputs is null || doc.KeyOutcomes is null || doc.NextStep is null || doc.ActiveUsageGoal is null
            || doc.Roles is null || doc.Motions is null)
        {
            throw PlaybookErrors.PlaybookCatalogInvalid(sourceName,
                "it lacks a required section (playbook, services, activities, tasks, keyInputs, keyOutcomes, nextStep, activeUsageGoal, roles, motions)").ToException();
        }
        var unknownActivity = doc.Tasks.FirstOrDefault(t => doc.Activities.All(a => a.Id != t.Activity));
        if (unknownActivity is not null)
        {
            throw PlaybookErrors.PlaybookCatalogInvalid(sourceName,
                $"task {unknownActivity.Id} names activity '{unknownActivity.Activity}', which it does not define").ToException();
        }
        return new PlaybookCatalog(doc);
    }

    private static LocalizedText Text(Dictionary<string, string>? byLanguage) =>
        new(byLanguage ?? new Dictionary<string, string>());
}
