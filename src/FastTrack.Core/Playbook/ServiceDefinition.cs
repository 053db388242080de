using System.Collections.Generic;
using System.Globalization;

namespace FastTrack.Core.Playbook;

/// <summary>A service as the catalogue defines it: its id, the other names people use for it, and
/// whether it is one of the page's "Modern Communications" workloads.</summary>
public sealed class ServiceDefinition
{
    private readonly LocalizedText _name;

    internal ServiceDefinition(M365Service id, IReadOnlyList<string> aliases, LocalizedText name, bool isModernComms)
    {
        Id = id;
        Aliases = aliases;
        _name = name;
        IsModernComms = isModernComms;
    }

    public M365Service Id { get; }
    public IReadOnlyList<string> Aliases { get; }
    public bool IsModernComms { get; }

    public string DisplayName(CultureInfo culture) => _name.Get(culture);

    /// <summary>Display names in every catalogue language ("OneDrive para la Empresa").</summary>
    internal IEnumerable<string> DisplayNames => _name.AllTexts;
}
