using System.Globalization;
using System.Linq;
using FastTrack.Core.Text;

namespace FastTrack.Core.Playbook;

/// <summary>An FTOP task, named in one culture: what Get-FtPlaybookTask emits.</summary>
public sealed class PlaybookTask
{
    internal PlaybookTask(PlaybookCatalog catalog, TaskDefinition task, CultureInfo culture)
    {
        var activity = catalog.Activity(task.ActivityId);
        Id = task.Id;
        Name = task.Name(culture);
        Mandatory = task.Mandatory;
        Requirement = task.Mandatory ? "Mandatory" : "Optional";
        Role = catalog.RoleName(task.RoleId, culture);
        Service = task.Service;
        ServiceName = catalog.Service(task.Service).DisplayName(culture);
        Activity = task.ActivityId;
        ActivityName = activity.Name(culture);
        FormerNames = task.FormerNames.ToJoinedList();
        Culture = culture.Name;
        PlaybookVersion = catalog.Version;
    }

    public int Id { get; }
    public string Name { get; }
    public bool Mandatory { get; }
    /// <summary>The page's (M)andatory / (O)ptional column, spelled out.</summary>
    public string Requirement { get; }
    public string Role { get; }
    public M365Service Service { get; }
    public string ServiceName { get; }
    /// <summary>The id of the activity (approach section) the task belongs to.</summary>
    public string Activity { get; }
    public string ActivityName { get; }
    public JoinedList<string> FormerNames { get; }
    public string Culture { get; }
    public string PlaybookVersion { get; }

    public override string ToString() => $"{Id} {Name}";
}
