namespace FastTrack.PowerShell.Tests;

public sealed class ModuleManifestTests : IClassFixture<ModuleSession>
{
    private static readonly string[] ExpectedCmdlets =
    {
        "Add-FtBlocker",
        "Add-FtTrackingEvidence",
        "Add-FtTraining",
        "Complete-FtSuccessExecution",
        "Connect-FtTenant",
        "Disconnect-FtTenant",
        "Export-FtAdoptionReport",
        "Export-FtCheckInCalendar",
        "Find-FtKeyInput",
        "Get-FtActiveUsageHistory",
        "Get-FtBlocker",
        "Get-FtCheckIn",
        "Get-FtConnection",
        "Get-FtCustomerPlan",
        "Get-FtModuleDiagnostic",
        "Get-FtNextAction",
        "Get-FtPlaybookActivity",
        "Get-FtPlaybookTask",
        "Get-FtPortfolio",
        "Get-FtTask",
        "Get-FtUserActivity",
        "Invoke-FtHandshake",
        "Invoke-FtSuccessExecution",
        "Measure-FtActiveUsage",
        "New-FtCheckInSchedule",
        "New-FtCustomerPlan",
        "Remove-FtCustomerPlan",
        "Resolve-FtBlocker",
        "Send-FtAdoptionDigest",
        "Set-FtCheckIn",
        "Set-FtCustomerPlan",
        "Set-FtSuccessMetric",
        "Set-FtTask",
        "Test-FtSuccessCriteria",
    };

    private readonly ModuleSession _session;

    public ModuleManifestTests(ModuleSession session) => _session = session;

    [Fact]
    public void Test_ModuleManifest_accepts_the_staged_manifest_with_the_build_version()
    {
        var manifest = _session.Run("Test-ModuleManifest -Path $args[0]", ModulePaths.Manifest).Single();
        Assert.Equal(ModulePaths.Version, manifest.Prop("Version")!.ToString());
        Assert.Equal("FastTrack.PowerShell", manifest.Str("Name"));
        Assert.Equal(new[] { "Desktop", "Core" }, ((IEnumerable<string>)manifest.Prop("CompatiblePSEditions")!).ToArray());
        Assert.Equal("5.1", manifest.Prop("PowerShellVersion")!.ToString());
        Assert.Equal("FastTrack.PowerShell.dll", manifest.Str("RootModule"));
    }

    [Fact]
    public void The_module_exports_exactly_its_cmdlets_and_no_functions_variables_or_aliases()
    {
        var names = _session.Run("(Get-Command -Module FastTrack.PowerShell).Name").Output.Select(o => o.ToString()).OrderBy(n => n);
        Assert.Equal(ExpectedCmdlets, names);
        var module = _session.Run("Get-Module FastTrack.PowerShell").Single();
        Assert.Empty((System.Collections.IDictionary)module.Prop("ExportedFunctions")!);
        Assert.Empty((System.Collections.IDictionary)module.Prop("ExportedAliases")!);
        Assert.Empty((System.Collections.IDictionary)module.Prop("ExportedVariables")!);
    }

    [Fact]
    public void Every_cmdlet_class_in_the_assembly_is_listed_in_CmdletsToExport()
    {
        var inAssembly = _session.Run(
            "(Get-Module FastTrack.PowerShell).ImplementingAssembly.GetTypes() | ForEach-Object { " +
            "$a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false); " +
            "if ($a) { '{0}-{1}' -f $a[0].VerbName, $a[0].NounName } }").Output.Select(o => o.ToString()).OrderBy(n => n);
        Assert.Equal(ExpectedCmdlets, inAssembly);
    }

    [Fact]
    public void The_module_is_staged_with_the_core_and_dependencies_under_Dependencies()
    {
        var root = ModulePaths.ModuleDirectory;
        Assert.True(File.Exists(Path.Combine(root, "FastTrack.PowerShell.dll")));
        Assert.True(File.Exists(Path.Combine(root, "Dependencies", "FastTrack.Core.dll")));
        Assert.True(File.Exists(Path.Combine(root, "Dependencies", "Newtonsoft.Json.dll")));
        Assert.False(File.Exists(Path.Combine(root, "FastTrack.Core.dll")), "the core must not sit beside the cmdlet assembly");
        Assert.False(File.Exists(Path.Combine(root, "System.Management.Automation.dll")), "the reference SMA must not be shipped");
        Assert.False(Directory.EnumerateFiles(root, "System.Management.Automation.dll", SearchOption.AllDirectories).Any());
        Assert.True(File.Exists(Path.Combine(root, "en-US", "FastTrack.PowerShell.dll-Help.xml")));
        Assert.EndsWith(Path.Combine("FastTrack.PowerShell", ModulePaths.Version), root);
    }

    [Fact]
    public void The_core_and_its_dependencies_load_into_the_module_s_private_context()
    {
        var context = _session.Run(
            "$task = Get-FtPlaybookTask -Id 3731; " +
            "[System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($task.GetType().Assembly).Name; " +
            "[System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext([Newtonsoft.Json.JsonConvert].Assembly).Name").Output;
        // The catalogue was read with Newtonsoft.Json: ours is private, the engine's stays in Default.
        Assert.Equal("FastTrack.PowerShell", context[0].ToString());
        Assert.Equal("Default", context[1].ToString());
    }
}
