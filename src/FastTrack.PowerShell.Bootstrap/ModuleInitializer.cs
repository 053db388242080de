using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace FastTrack.PowerShell.Bootstrap;

/// <summary>Runs when the manifest imports this nested module — before the cmdlet assembly, whose types
/// PowerShell inspects on import and which need FastTrack.Core — and points the runtime at Dependencies/,
/// privately, so other modules' copies of our dependencies never meet ours.</summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer
{
    internal const string CoreAssemblyName = "FastTrack.Core";
    private const string IsolationAssemblyName = "FastTrack.PowerShell.Isolation";

    internal static string ModuleRoot => Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;
    internal static string DependencyDirectory => Path.Combine(ModuleRoot, "Dependencies");

    public void OnImport()
    {
        if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
        {
            DesktopDependencyResolver.Register(DependencyDirectory);
            return;
        }
        // PowerShell 7: a private AssemblyLoadContext. Its type cannot be written in netstandard2.0, so it
        // lives in a small net8.0 assembly beside this one, called by reflection.
        var isolation = Assembly.LoadFrom(Path.Combine(ModuleRoot, IsolationAssemblyName + ".dll"));
        isolation.GetType(IsolationAssemblyName + ".DependencyIsolation", throwOnError: true)!
            .GetMethod("Register", BindingFlags.Public | BindingFlags.Static)!
            .Invoke(null, new object[] { DependencyDirectory, CoreAssemblyName });
    }
}
