using System.Collections.Generic;
using FastTrack.Core.Errors;

namespace FastTrack.Core.Playbook;

/// <summary>Every error of the playbook's catalogue and of the names a user gives its services, tasks and
/// activities: one id (the method's name) and one text each; each lists what there is to choose from.</summary>
public static class PlaybookErrors
{
    public static FtError PlaybookCatalogInvalid(string sourceName, string problem) => new(nameof(PlaybookCatalogInvalid), FtErrorKind.InvalidData, sourceName,
        $"The playbook catalogue '{sourceName}' is not valid: {problem}.");

    /// <summary><paramref name="valid"/>: the services with their aliases, "Teams, Yammer (Viva Engage), …".</summary>
    public static FtError UnknownService(string text, string valid) => new(nameof(UnknownService), FtErrorKind.InvalidArgument, text,
        $"'{text}' is not a service of the playbook. Use one of: {valid}.");

    public static FtError AmbiguousService(string text, IReadOnlyList<M365Service> services) => new(nameof(AmbiguousService), FtErrorKind.InvalidArgument, text,
        $"'{text}' names {services.Count} services ({string.Join(", ", services)}); name exactly one.");

    /// <summary>A task that is not in <paramref name="where"/> ("The playbook 2024.1", "The plan of Contoso").</summary>
    public static FtError TaskNotFound(int taskId, string where, IEnumerable<int> tasks) => new(nameof(TaskNotFound), FtErrorKind.ObjectNotFound, taskId,
        $"{where} has no FTOP task {taskId}. Its tasks are {string.Join(", ", tasks)}.");

    public static FtError ActivityNotFound(string name, string version, IEnumerable<string> activities) => new(nameof(ActivityNotFound), FtErrorKind.ObjectNotFound, name,
        $"The playbook {version} has no activity '{name}'. Its activities are {string.Join(", ", activities)}.");
}
