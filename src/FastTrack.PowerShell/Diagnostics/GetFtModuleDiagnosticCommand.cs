using System.IO;
using System.Linq;
using System.Management.Automation;
using FastTrack.Core.Diagnostics;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Diagnostics;

/// <summary>Which dependency versions are loaded, into which context, from which path: the module's own
/// copies and any other module's copies of the same assemblies.</summary>
[Cmdlet(VerbsCommon.Get, "FtModuleDiagnostic")]
[OutputType(typeof(LoadedDependency))]
public sealed class GetFtModuleDiagnosticCommand : FtCmdlet
{
    /// <summary>Only assemblies that are loaded (by default also those shipped but not needed yet).</summary>
    [Parameter] public SwitchParameter Loaded { get; set; }

    /// <summary>Only names loaded in more than one copy: where another module's version sits beside ours.</summary>
    [Parameter] public SwitchParameter Conflicts { get; set; }

    protected override void EndProcessing()
    {
        var dependencies = Path.Combine(Path.GetDirectoryName(typeof(GetFtModuleDiagnosticCommand).Assembly.Location)!, "Dependencies");
        var all = LoadedDependency.Inspect(dependencies);
        var conflicted = all.Where(d => d.LoadedVersion is not null).GroupBy(d => d.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        WriteVerbose($"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; the module loads its dependencies from {dependencies}.");
        foreach (var dependency in all)
        {
            if (Loaded && dependency.LoadedVersion is null) continue;
            if (Conflicts && !conflicted.Contains(dependency.Name)) continue;
            WriteObject(dependency);
        }
    }
}
