using System.Reflection;

namespace FastTrack.PowerShell.Tests.Hosting;

/// <summary>Where the build staged the module (written into this assembly by the test project).</summary>
public static class ModulePaths
{
    private static string Metadata(string key) =>
        typeof(ModulePaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public static string Manifest => Metadata("ModuleManifest");
    public static string ModuleDirectory => Path.GetDirectoryName(Manifest)!;
    public static string Version => Metadata("ModuleVersion");
    public static string RepoRoot => Metadata("RepoRoot");

    /// <summary>The help builder, the cmdlet assembly it reads and the assemblies that one compiles against.</summary>
    public static string ModuleBuilder => Metadata("ModuleBuilder");
    public static string CmdletAssembly => Metadata("CmdletAssembly");
    public static string HelpReferenceList => Metadata("HelpReferenceList");
}
