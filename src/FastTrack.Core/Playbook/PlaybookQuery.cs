using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastTrack.Core.Errors;
using FastTrack.Core.Text;

namespace FastTrack.Core.Playbook;

/// <summary>The filters behind Get-FtPlaybookTask and Get-FtPlaybookActivity. Each unknown id, service
/// or activity becomes one error in the stream; the good ones still come out.</summary>
public sealed class PlaybookQuery
{
    private readonly PlaybookCatalog _catalog;

    public PlaybookQuery(PlaybookCatalog catalog) => _catalog = catalog;

    public IEnumerable<Outcome<PlaybookTask>> Tasks(IReadOnlyList<int>? ids, IReadOnlyList<string>? services,
        IReadOnlyList<string>? activities, bool? mandatory, CultureInfo culture)
    {
        var errors = new List<FtError>();
        var serviceFilter = ResolveServices(services, errors);
        var activityFilter = activities is null ? null : ResolveActivities(activities, errors);
        foreach (var missing in (ids ?? new int[0]).Where(id => _catalog.Task(id) is null).Distinct())
        {
            errors.Add(PlaybookErrors.TaskNotFound(missing, $"The playbook {_catalog.Version}", _catalog.Tasks.Select(t => t.Id)));
        }
        foreach (var error in errors) yield return Outcome<PlaybookTask>.Fail(error);

        var selected = _catalog.Tasks.Where(t =>
            (ids is null || ids.Contains(t.Id))
            && (serviceFilter is null || serviceFilter.Contains(t.Service))
            && (activityFilter is null || activityFilter.Contains(t.ActivityId))
            && (mandatory is null || t.Mandatory == mandatory.Value));
        foreach (var task in selected) yield return Outcome<PlaybookTask>.Ok(new PlaybookTask(_catalog, task, culture));
    }

    public IEnumerable<Outcome<PlaybookActivity>> Activities(IReadOnlyList<string>? names, IReadOnlyList<string>? services,
        CultureInfo culture)
    {
        var errors = new List<FtError>();
        var serviceFilter = ResolveServices(services, errors);
        var nameFilter = names is null ? null : ResolveActivities(names, errors);
        foreach (var error in errors) yield return Outcome<PlaybookActivity>.Fail(error);

        var selected = _catalog.Activities.Where(a =>
            (nameFilter is null || nameFilter.Contains(a.Id))
            && (serviceFilter is null || serviceFilter.Any(a.AppliesToService)));
        foreach (var activity in selected) yield return Outcome<PlaybookActivity>.Ok(new PlaybookActivity(_catalog, activity, culture));
    }

    private HashSet<M365Service>? ResolveServices(IReadOnlyList<string>? services, List<FtError> errors)
    {
        if (services is null) return null;
        var set = new HashSet<M365Service>();
        foreach (var name in services)
        {
            var resolved = ServiceNames.Resolve(_catalog, name);
            if (resolved.Succeeded) set.UnionWith(resolved.Value!);
            else errors.Add(resolved.Error!);
        }
        return set;
    }

    // An activity is named by its id (CsmHandshake) or its name in any language, with wildcards.
    private HashSet<string> ResolveActivities(IReadOnlyList<string> names, List<FtError> errors)
    {
        var set = new HashSet<string>();
        foreach (var name in names)
        {
            var pattern = new Wildcard(name.Trim());
            var matches = _catalog.Activities.Where(a => a.AllNames.Any(pattern.IsMatch)).Select(a => a.Id).ToArray();
            if (matches.Length == 0 && !pattern.IsPattern)
            {
                errors.Add(PlaybookErrors.ActivityNotFound(name, _catalog.Version, _catalog.Activities.Select(a => a.Id)));
            }
            set.UnionWith(matches);
        }
        return set;
    }
}
