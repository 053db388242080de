using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace FastTrack.Core.Diagnostics;

/// <summary>One assembly of the module's Dependencies folder, or another module's copy of one: which
/// version is loaded, into which load context, from where. The first thing to send with a bug report.</summary>
public sealed class LoadedDependency
{
    public string Name { get; private set; } = "";
    /// <summary>The version in Dependencies/ (what the module ships).</summary>
    public Version? ShippedVersion { get; private set; }
    /// <summary>The version loaded, or null when nothing has needed it yet.</summary>
    public Version? LoadedVersion { get; private set; }
    /// <summary>The AssemblyLoadContext (PowerShell 7) or "AppDomain" (Windows PowerShell 5.1).</summary>
    public string? Context { get; private set; }
    public string? Path { get; private set; }
    /// <summary>True for the module's own copy; false for another copy of the same name in the process.</summary>
    public bool IsModuleCopy { get; private set; }

    /// <summary>Every assembly shipped in <paramref name="dependencyDirectory"/>, with each loaded copy of it.</summary>
    public static IReadOnlyList<LoadedDependency> Inspect(string dependencyDirectory)
    {
        var shipped = Directory.GetFiles(dependencyDirectory, "*.dll")
            .Select(f => (Name: System.IO.Path.GetFileNameWithoutExtension(f), Version: SafeVersion(f)))
            .OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic)
            .GroupBy(a => a.GetName().Name ?? "", StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var result = new List<LoadedDependency>();
        foreach (var (name, version) in shipped)
        {
            if (!loaded.TryGetValue(name, out var copies))
            {
                result.Add(new LoadedDependency { Name = name, ShippedVersion = version, IsModuleCopy = true });
                continue;
            }
            foreach (var assembly in copies)
            {
                var location = Location(assembly);
                result.Add(new LoadedDependency
                {
                    Name = name,
                    ShippedVersion = version,
                    LoadedVersion = assembly.GetName().Version,
                    Context = ContextOf(assembly),
                    Path = location,
                    IsModuleCopy = location is not null && location.StartsWith(dependencyDirectory, StringComparison.OrdinalIgnoreCase),
                });
            }
        }
        return result;
    }

    // AssemblyLoadContext exists on PowerShell 7 only: reached by reflection from netstandard2.0.
    private static string ContextOf(Assembly assembly)
    {
        var alc = Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false)
                  ?? Type.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: false);
        var context = alc?.GetMethod("GetLoadContext", new[] { typeof(Assembly) })?.Invoke(null, new object[] { assembly });
        return context is null ? "AppDomain" : (string?)alc!.GetProperty("Name")?.GetValue(context) ?? context.ToString() ?? "";
    }

    private static string? Location(Assembly assembly)
    {
        try { return string.IsNullOrEmpty(assembly.Location) ? null : assembly.Location; }
        catch (NotSupportedException) { return null; }
    }

    private static Version? SafeVersion(string path)
    {
        try { return AssemblyName.GetAssemblyName(path).Version; }
        catch (BadImageFormatException) { return null; }
    }

    public override string ToString() => $"{Name} {LoadedVersion?.ToString() ?? "(not loaded)"} {Context}";
}
