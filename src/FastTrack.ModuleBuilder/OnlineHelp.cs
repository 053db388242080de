using System.Text.RegularExpressions;

namespace FastTrack.ModuleBuilder;

/// <summary>The address Get-Help -Online opens for every cmdlet: the Cmdlets section of the README on the project's
/// site, the manifest's ProjectUri (its one source), where a table says what each cmdlet does and points to its
/// full help.</summary>
internal static class OnlineHelp
{
    private static readonly Regex s_projectUri = new(@"(?m)^\s*ProjectUri\s*=\s*'(?<uri>[^']+)'");

    public static string Uri(string manifestPath)
    {
        var match = s_projectUri.Match(File.ReadAllText(manifestPath));
        if (!match.Success || !System.Uri.TryCreate(match.Groups["uri"].Value, UriKind.Absolute, out var project) || project.Scheme != "https")
            throw new FormatException($"{manifestPath}: no ProjectUri = 'https://...' line for the online help address.");
        return project.AbsoluteUri.TrimEnd('/') + "#cmdlets";
    }
}
