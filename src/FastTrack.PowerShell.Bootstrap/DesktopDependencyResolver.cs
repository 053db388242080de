using System;
using System.IO;
using System.Reflection;

namespace FastTrack.PowerShell.Bootstrap;

/// <summary>Windows PowerShell 5.1 has one load context, so isolation there means answering only the
/// requests that come from this module's own assemblies, from Dependencies/.</summary>
internal static class DesktopDependencyResolver
{
    private static readonly object s_gate = new();
    private static string? s_directory;

    public static void Register(string dependencyDirectory)
    {
        lock (s_gate)
        {
            if (s_directory is not null) return;
            s_directory = dependencyDirectory;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }
    }

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        if (name is null || s_directory is null) return null;
        var fromUs = args.RequestingAssembly is { } requester
            && (requester == typeof(DesktopDependencyResolver).Assembly || IsInDependencies(requester));
        var isCore = string.Equals(name, ModuleInitializer.CoreAssemblyName, StringComparison.OrdinalIgnoreCase);
        if (!fromUs && !isCore) return null;
        var path = Path.Combine(s_directory, name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }

    private static bool IsInDependencies(Assembly assembly) =>
        !assembly.IsDynamic && assembly.Location.StartsWith(s_directory!, StringComparison.OrdinalIgnoreCase);
}
