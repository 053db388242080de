using System.Diagnostics;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;

namespace FastTrack.PowerShell.Tests;

/// <summary>The module beside other modules' versions of its dependencies, in either import order: a fresh
/// PowerShell host process (tests/FastTrack.ModuleHost) loads Microsoft.Graph.Core 3.2.4, Azure.Core
/// 1.50.0, MSAL 4.61.3 and Kiota 1.22.1 into its default context, as the Graph SDK or Exchange Online
/// modules do, and the module then measures a tenant through the Graph emulator with its own versions.</summary>
public sealed class IsolationTests : IClassFixture<EmulatedTenants>
{
    private readonly EmulatedTenants _tenants;

    public IsolationTests(EmulatedTenants tenants) => _tenants = tenants;

    private JsonElement Host(string mode)
    {
        var dll = typeof(IsolationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ModuleHost").Value!;
        var workspace = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, mode, ModulePaths.Manifest, _tenants.Tailspin.BaseAddress.ToString(), _tenants.Tailspin.Token, workspace })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "the host did not finish");
        try { Directory.Delete(workspace, true); } catch (IOException) { }
        var report = JsonDocument.Parse(output.Trim().Split('\n').Last()).RootElement;
        Assert.False(report.TryGetProperty("exception", out var exception), exception.ToString() + errors);
        return report;
    }

    [Theory]
    [InlineData("conflicts-first")]
    [InlineData("module-first")]
    public void The_module_works_beside_other_versions_and_they_still_answer(string order)
    {
        var report = Host(order);
        var module = report.GetProperty("module");
        Assert.Empty(module.GetProperty("errors").EnumerateArray());
        var graph = module.GetProperty("graphResults").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, graph.Count);
        Assert.All(graph, line => Assert.Contains("Microsoft Graph for Tailspin", line));

        var before = report.GetProperty("otherBefore");
        Assert.Equal(before.ToString(), report.GetProperty("otherAfter").ToString());
        Assert.StartsWith("3.2.4.0 in Default", before.GetProperty("Microsoft.Graph.Core").GetString());
        Assert.StartsWith("1.50.0.0 in Default", before.GetProperty("Azure.Core").GetString());
        Assert.StartsWith("4.61.3.0 in Default", before.GetProperty("Microsoft.Identity.Client").GetString());
        Assert.StartsWith("1.22.1.0 in Default", before.GetProperty("Microsoft.Kiota.Abstractions").GetString());

        // Both copies live side by side, each in its own context, as Get-FtModuleDiagnostic shows.
        var diagnostics = module.GetProperty("diagnostics").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("Microsoft.Graph.Core 4.0.1.0 FastTrack.PowerShell True", diagnostics);
        if (order == "conflicts-first") Assert.Contains("Microsoft.Graph.Core 3.2.4.0 Default False", diagnostics);
        Assert.Contains("Microsoft.Kiota.Abstractions 2.1.6.0 FastTrack.PowerShell True", diagnostics);
        Assert.Contains("FastTrack.Core 0.1.0.0 FastTrack.PowerShell True", diagnostics);
    }

    [Fact]
    public void Importing_the_module_loads_neither_Microsoft_Graph_nor_Azure_Storage()
    {
        var timings = Host("module-first").GetProperty("module").GetProperty("timings");
        Assert.False(timings.GetProperty("graphLoadedAfterImport").GetBoolean());
        Assert.False(timings.GetProperty("storageLoadedAfterImport").GetBoolean());
        Assert.False(timings.GetProperty("storageLoadedAfterFolderWork").GetBoolean());
    }

    [Fact]
    public void The_cmdlet_assembly_references_no_third_party_assembly()
    {
        using var stream = File.OpenRead(Path.Combine(ModulePaths.ModuleDirectory, "FastTrack.PowerShell.dll"));
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
        Assert.Contains("FastTrack.Core", references);
        foreach (var forbidden in new[] { "Microsoft.Graph", "Microsoft.Kiota", "Azure", "Microsoft.Identity", "Newtonsoft", "Sylvan" })
            Assert.DoesNotContain(references, r => r.StartsWith(forbidden, StringComparison.OrdinalIgnoreCase));
        // Nor any other assembly the module ships (Microsoft.Bcl.TimeProvider once slipped in through a core
        // signature): the default context would not find it, or would find another module's copy.
        var shipped = Path.Combine(ModulePaths.ModuleDirectory, "Dependencies");
        Assert.DoesNotContain(references, r => r != "FastTrack.Core" && File.Exists(Path.Combine(shipped, r + ".dll")));
        // At the module root only our own assemblies; everything else is under Dependencies/.
        Assert.DoesNotContain(Directory.GetFiles(ModulePaths.ModuleDirectory, "*.dll").Select(Path.GetFileName),
            f => !f!.StartsWith("FastTrack.PowerShell", StringComparison.Ordinal));
    }
}
