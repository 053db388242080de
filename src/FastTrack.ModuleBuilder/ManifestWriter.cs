using System.Text.RegularExpressions;

namespace FastTrack.ModuleBuilder;

/// <summary>Copies the module manifest, setting ModuleVersion to the build's version: the version has
/// one source (Directory.Build.props) and the manifest can never disagree with the assemblies.</summary>
internal static class ManifestWriter
{
    private static readonly Regex s_version = new(@"(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'");

    public static void Write(string source, string destination, string version)
    {
        var text = File.ReadAllText(source);
        if (!s_version.IsMatch(text)) throw new FormatException($"{source}: no ModuleVersion = '...' line to set.");
        File.WriteAllText(destination, s_version.Replace(text, m => m.Groups[1].Value + "'" + version + "'", 1));
    }
}
