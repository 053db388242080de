using System;
using System.Reflection;
using System.Runtime.Loader;

namespace FastTrack.PowerShell.Isolation;

/// <summary>Entry point the cmdlet assembly calls (by reflection) on import under PowerShell 7.</summary>
public static class DependencyIsolation
{
    private static readonly object s_gate = new();
    private static DependencyLoadContext? s_context;

    /// <summary>The private context, once registered.</summary>
    public static AssemblyLoadContext? Context => s_context;

    /// <summary>Creates the private context once per process and answers the default context's requests
    /// for the core assembly from it: the cmdlet assembly references only the core.</summary>
    public static void Register(string dependencyDirectory, string coreAssemblyName)
    {
        lock (s_gate)
        {
            if (s_context is not null) return;
            s_context = new DependencyLoadContext(dependencyDirectory);
            AssemblyLoadContext.Default.Resolving += (_, name) =>
                string.Equals(name.Name, coreAssemblyName, StringComparison.OrdinalIgnoreCase)
                    ? s_context.LoadFromAssemblyName(name)
                    : null;
        }
    }

    /// <summary>Which context an assembly lives in, for the module's diagnostics.</summary>
    public static string? ContextName(Assembly assembly) => AssemblyLoadContext.GetLoadContext(assembly)?.Name;
}
