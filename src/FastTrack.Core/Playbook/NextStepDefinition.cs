using System.Globalization;

namespace FastTrack.Core.Playbook;

/// <summary>Where the process leads when its outcomes are met: Conduct Success Review, task 3735.</summary>
public sealed class NextStepDefinition
{
    private readonly LocalizedText _process;
    private readonly LocalizedText _taskName;
    private readonly LocalizedText _text;

    internal NextStepDefinition(int taskId, LocalizedText process, LocalizedText taskName, LocalizedText text)
    {
        TaskId = taskId;
        _process = process;
        _taskName = taskName;
        _text = text;
    }

    public int TaskId { get; }
    public string Process(CultureInfo culture) => _process.Get(culture);
    public string TaskName(CultureInfo culture) => _taskName.Get(culture);
    public string Text(CultureInfo culture) => _text.Get(culture);
}
