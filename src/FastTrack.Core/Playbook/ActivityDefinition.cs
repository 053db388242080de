using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FastTrack.Core.Playbook;

/// <summary>One of the page's approach sections ("CSM Handshake for Modern Comms", ...).</summary>
public sealed class ActivityDefinition
{
    private readonly LocalizedText _name;
    private readonly LocalizedText _rule;

    internal ActivityDefinition(string id, int order, LocalizedText name, string roleId, IReadOnlyList<M365Service> appliesTo,
        bool appliesToAllServices, IReadOnlyList<string> suppressesForSameWorkload, LocalizedText rule)
    {
        Id = id;
        Order = order;
        _name = name;
        RoleId = roleId;
        AppliesTo = appliesTo;
        AppliesToAllServices = appliesToAllServices;
        SuppressesForSameWorkload = suppressesForSameWorkload;
        _rule = rule;
    }

    public string Id { get; }
    public int Order { get; }
    public string RoleId { get; }
    /// <summary>The services the section applies to; every service when <see cref="AppliesToAllServices"/>.</summary>
    public IReadOnlyList<M365Service> AppliesTo { get; }
    public bool AppliesToAllServices { get; }
    /// <summary>Activities this one replaces for the same workload (the handshake rule).</summary>
    public IReadOnlyList<string> SuppressesForSameWorkload { get; }
    public IReadOnlyList<TaskDefinition> Tasks { get; internal set; } = new TaskDefinition[0];
    /// <summary>Conditions (named facts of a plan, see FastTrack.Core.Rules.Conditions) that must all hold
    /// for the activity to apply to a service.</summary>
    public IReadOnlyList<string> AppliesWhen { get; internal set; } = new string[0];
    /// <summary>The customer decision the activity waits on (OneDriveAdoption), if any.</summary>
    public string? Decision { get; internal set; }
    /// <summary>Once the activity's task for a workload is done, the CSM owns that workload's adoption
    /// (the handshake: "Once the task is marked as complete then the workload accountability is with the CSM").</summary>
    public bool HandsWorkloadToCsm { get; internal set; }
    /// <summary>For an activity without FTOP tasks: the condition that means it is done for a service
    /// for now (a check-in is scheduled; usage is being tracked).</summary>
    public string? DoneWhen { get; internal set; }

    public string Name(CultureInfo culture) => _name.Get(culture);
    public string Rule(CultureInfo culture) => _rule.Get(culture);
    internal IEnumerable<string> AllNames => _name.AllTexts.Concat(new[] { Id });

    public bool AppliesToService(M365Service service) => AppliesToAllServices || AppliesTo.Contains(service);
}
