using System.Globalization;

namespace FastTrack.Core.Playbook;

/// <summary>A check of the playbook beyond the page's key inputs and outcomes, such as "every mandatory
/// task that applies is done", with whether it must pass before promotion.</summary>
public sealed class CatalogCheck
{
    private readonly LocalizedText _text;

    internal CatalogCheck(string id, string kind, bool gates, LocalizedText text)
    {
        Id = id;
        Kind = kind;
        Gates = gates;
        _text = text;
    }

    public string Id { get; }
    /// <summary>PlaybookTasks or Objective.</summary>
    public string Kind { get; }
    /// <summary>Must pass (or not apply) before the customer moves on to the success review.</summary>
    public bool Gates { get; }

    public string Text(CultureInfo culture) => _text.Get(culture);
}
