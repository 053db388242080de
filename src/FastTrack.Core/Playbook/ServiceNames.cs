using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Errors;
using FastTrack.Core.Text;

namespace FastTrack.Core.Playbook;

/// <summary>Turns what a user types (Teams, VivaEngage, "Office ProPlus", One*) into services.</summary>
public static class ServiceNames
{
    /// <summary>Every name a service answers to: its id and the catalogue's aliases.</summary>
    public static IEnumerable<string> NamesOf(ServiceDefinition service) =>
        new[] { service.Id.ToString() }.Concat(service.Aliases);

    public static Outcome<IReadOnlyList<M365Service>> Resolve(PlaybookCatalog catalog, string text)
    {
        var trimmed = text.Trim();
        var pattern = new Wildcard(trimmed);
        var compact = Compact(trimmed);
        var matches = catalog.Services
            .Where(s => NamesOf(s).Concat(s.DisplayNames).Any(n => pattern.IsPattern ? pattern.IsMatch(n) : Compact(n) == compact))
            .Select(s => s.Id)
            .ToArray();
        if (matches.Length > 0 || pattern.IsPattern) return Outcome<IReadOnlyList<M365Service>>.Ok(matches);
        return Outcome<IReadOnlyList<M365Service>>.Fail(UnknownService(catalog, text));
    }

    /// <summary>Resolves several names; the first unknown one is the error.</summary>
    public static Outcome<IReadOnlyList<M365Service>> ResolveAll(PlaybookCatalog catalog, IEnumerable<string> texts)
    {
        var all = new List<M365Service>();
        foreach (var text in texts)
        {
            var one = Resolve(catalog, text);
            if (!one.Succeeded) return one;
            all.AddRange(one.Value!.Where(s => !all.Contains(s)));
        }
        return Outcome<IReadOnlyList<M365Service>>.Ok(all);
    }

    public static FtError UnknownService(PlaybookCatalog catalog, string text)
    {
        var valid = string.Join(", ", catalog.Services.Select(s =>
            s.Aliases.Count == 0 ? s.Id.ToString() : $"{s.Id} ({string.Join(", ", s.Aliases)})"));
        return PlaybookErrors.UnknownService(text, valid);
    }

    // "Outlook Mobile", "outlookmobile" and "Outlook-Mobile" are the same service.
    private static string Compact(string name) =>
        new string(name.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
}
