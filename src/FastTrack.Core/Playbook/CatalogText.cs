using System.Globalization;

namespace FastTrack.Core.Playbook;

/// <summary>A key input, key outcome or similar line of the page, with a stable id.</summary>
public sealed class CatalogText
{
    private readonly LocalizedText _text;

    internal CatalogText(string id, LocalizedText text)
    {
        Id = id;
        _text = text;
    }

    public string Id { get; }

    public string Text(CultureInfo culture) => _text.Get(culture);
}
