using System.Globalization;
using System.Linq;
using FastTrack.Core.Text;

namespace FastTrack.Core.Playbook;

/// <summary>An activity of the process, named in one culture: what Get-FtPlaybookActivity emits.</summary>
public sealed class PlaybookActivity
{
    internal PlaybookActivity(PlaybookCatalog catalog, ActivityDefinition activity, CultureInfo culture)
    {
        Activity = activity.Id;
        Order = activity.Order;
        Name = activity.Name(culture);
        PrimaryRole = catalog.RoleName(activity.RoleId, culture);
        Motions = catalog.Motions(culture);
        AppliesToAllServices = activity.AppliesToAllServices;
        AppliesTo = activity.AppliesToAllServices
            ? catalog.Services.Select(s => s.Id).ToJoinedList()
            : activity.AppliesTo.ToJoinedList();
        AppliesToText = activity.AppliesToAllServices ? catalog.Message("Text.AllServices", culture) : AppliesTo.ToString();
        Rule = activity.Rule(culture);
        TaskIds = activity.Tasks.Select(t => t.Id).ToJoinedList();
        SuppressesForSameWorkload = activity.SuppressesForSameWorkload.ToJoinedList();
        Culture = culture.Name;
        PlaybookVersion = catalog.Version;
    }

    /// <summary>The activity's id (CsmHandshake, ...). Named Activity so that piping an activity into
    /// Get-FtPlaybookTask binds it to -Activity.</summary>
    public string Activity { get; }
    public int Order { get; }
    public string Name { get; }
    public string PrimaryRole { get; }
    public string Motions { get; }
    public bool AppliesToAllServices { get; }
    public JoinedList<M365Service> AppliesTo { get; }
    /// <summary>The services as the views show them, in the activity's culture: "(all services)" or a list.</summary>
    public string AppliesToText { get; }
    public string Rule { get; }
    public JoinedList<int> TaskIds { get; }
    /// <summary>Activities not run for a workload once this one applies to it (the handshake rule).</summary>
    public JoinedList<string> SuppressesForSameWorkload { get; }
    public string Culture { get; }
    public string PlaybookVersion { get; }

    public override string ToString() => Name;
}
