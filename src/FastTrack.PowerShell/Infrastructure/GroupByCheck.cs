using System.Linq;
using System.Management.Automation;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>Watches -GroupBy over the users piped in: a property that no object has (a typo, or a Get-MgUser
/// call without -Property Department) would otherwise put everyone in one group without a word.</summary>
internal sealed class GroupByCheck
{
    private readonly string? _property;
    private int _seen;
    private int _without;
    private string[]? _firstProperties;

    public GroupByCheck(string? property) => _property = property;

    public void Saw(PSObject input)
    {
        if (_property is null) return;
        _seen++;
        _firstProperties ??= input.Properties.Select(p => p.Name).Take(12).ToArray();
        if (input.Properties[_property] is null) _without++;
    }

    /// <summary>What to warn about, or null when every object has the property.</summary>
    public string? Warning()
    {
        if (_property is null || _without == 0) return null;
        return _without == _seen
            ? $"No object piped in has a '{_property}' property, so -GroupBy puts every user in one group. Their properties are: {string.Join(", ", _firstProperties ?? new string[0])}. " +
              "(With Get-MgUser, ask for the property: -Property UserPrincipalName," + _property + ".)"
            : $"{_without} of {_seen} objects piped in have no '{_property}' property: they are counted in a group of their own.";
    }
}
