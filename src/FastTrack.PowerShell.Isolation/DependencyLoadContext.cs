using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace FastTrack.PowerShell.Isolation;

/// <summary>Loads every assembly found in the module's Dependencies folder, so the module never shares
/// Newtonsoft.Json, MSAL, Azure.Core, Kiota or Microsoft.Graph with other modules in the session.</summary>
/// <remarks>Returning null for a dependency would hand it to the default context, which may already hold
/// another module's version of it (msgraph-sdk-powershell#3394). Only the framework's and PowerShell's
/// own assemblies are deferred: sharing those is required for types to flow between us and the engine.</remarks>
public sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _dependencyDirectory;
    private readonly string _frameworkDirectory = RuntimeEnvironment.GetRuntimeDirectory();

    public DependencyLoadContext(string dependencyDirectory) : base("FastTrack.PowerShell", isCollectible: false)
    {
        _dependencyDirectory = dependencyDirectory;
    }

    public string DependencyDirectory => _dependencyDirectory;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (name is null || IsSharedWithEngine(name)) return null;
        // A build for .NET (netcore/) is preferred where the module ships one; Windows PowerShell never looks there.
        var path = Path.Combine(_dependencyDirectory, "netcore", name + ".dll");
        if (!File.Exists(path)) path = Path.Combine(_dependencyDirectory, name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    private bool IsSharedWithEngine(string name) =>
        name.StartsWith("System.Management.Automation", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.PowerShell.", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.Management.Infrastructure", StringComparison.OrdinalIgnoreCase)
        || File.Exists(Path.Combine(_frameworkDirectory, name + ".dll"));
}
