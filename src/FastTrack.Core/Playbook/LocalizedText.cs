using System.Collections.Generic;
using System.Globalization;

namespace FastTrack.Core.Playbook;

/// <summary>A catalogue string in several languages; English is the fallback because the English
/// page is the original (shared/playbook/README.md).</summary>
internal sealed class LocalizedText
{
    public const string Fallback = "en";

    private readonly IReadOnlyDictionary<string, string> _byLanguage;

    public LocalizedText(IReadOnlyDictionary<string, string> byLanguage) => _byLanguage = byLanguage;

    public string English => Get(CultureInfo.InvariantCulture);

    /// <summary>Walks from the specific culture to its parents (es-MX → es), then English.</summary>
    public string Get(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (_byLanguage.TryGetValue(c.Name, out var text)) return text;
        }
        return _byLanguage.TryGetValue(Fallback, out var english) ? english : string.Empty;
    }

    public IEnumerable<string> AllTexts => _byLanguage.Values;

    public IEnumerable<string> Languages => _byLanguage.Keys;
}
