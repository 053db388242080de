using System.Collections.Generic;
using System.Globalization;

namespace FastTrack.Core.Playbook;

/// <summary>An FTOP task as the page's tables list it.</summary>
public sealed class TaskDefinition
{
    private readonly LocalizedText _name;

    internal TaskDefinition(int id, string activityId, M365Service service, bool mandatory, string roleId,
        LocalizedText name, IReadOnlyList<string> formerNames)
    {
        Id = id;
        ActivityId = activityId;
        Service = service;
        Mandatory = mandatory;
        RoleId = roleId;
        _name = name;
        FormerNames = formerNames;
    }

    public int Id { get; }
    public string ActivityId { get; }
    public M365Service Service { get; }
    public bool Mandatory { get; }
    public string RoleId { get; }
    /// <summary>Names the task had in earlier revisions of the page (3650 was "Office ProPlus - OPP Acceleration").</summary>
    public IReadOnlyList<string> FormerNames { get; }

    public string Name(CultureInfo culture) => _name.Get(culture);
}
