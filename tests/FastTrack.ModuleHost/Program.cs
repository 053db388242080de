using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.Loader;
using System.Security;
using System.Text.Json;

// FastTrack.ModuleHost <conflicts-first|module-first|timing> <manifest> <graph endpoint> <token> <workspace>
// Prints one JSON object: what the other versions answered before and after, what the module did, timings.
var (mode, manifest, endpoint, token, workspace) = (args[0], args[1], args[2], args[3], args[4]);
var report = new Dictionary<string, object?> { ["mode"] = mode };
var clock = Stopwatch.StartNew();

Dictionary<string, string> UseOtherVersions()
{
    // Each call makes the default context load and run another module's version.
    var handlers = Microsoft.Graph.GraphClientFactory.CreateDefaultHandlers();
    var context = new Azure.Core.TokenRequestContext(new[] { "https://graph.microsoft.com/.default" });
    var app = Microsoft.Identity.Client.PublicClientApplicationBuilder.Create(Guid.NewGuid().ToString()).Build();
    var request = new Microsoft.Kiota.Abstractions.RequestInformation { UrlTemplate = "{+baseurl}/x" };
    return new[] { typeof(Microsoft.Graph.GraphClientFactory), context.GetType(), app.GetType(), request.GetType() }
        .ToDictionary(t => t.Assembly.GetName().Name!, t => $"{t.Assembly.GetName().Version} in {AssemblyLoadContext.GetLoadContext(t.Assembly)?.Name} ({handlers.Count} handlers)");
}

Dictionary<string, object?> RunModule(PowerShell ps)
{
    var secure = new SecureString();
    foreach (var c in token) secure.AppendChar(c);
    var timings = new Dictionary<string, object?>();
    // The engine's own cost of importing a module: a manifest with nothing in it, imported first.
    var baseline = Path.Combine(Path.GetTempPath(), "ft-baseline-" + Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(baseline);
    File.WriteAllText(Path.Combine(baseline, "Baseline.psd1"), "@{ ModuleVersion = '1.0'; CmdletsToExport = @(); FunctionsToExport = @() }");
    var watch = Stopwatch.StartNew();
    ps.AddCommand("Import-Module").AddParameter("Name", Path.Combine(baseline, "Baseline.psd1")).Invoke();
    timings["baselineImportMs"] = watch.Elapsed.TotalMilliseconds;
    ps.Commands.Clear();
    Directory.Delete(baseline, true);
    watch.Restart();
    ps.AddCommand("Import-Module").AddParameter("Name", manifest).Invoke();
    timings["importMs"] = watch.Elapsed.TotalMilliseconds;
    timings["graphLoadedAfterImport"] = AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Microsoft.Graph");
    timings["storageLoadedAfterImport"] = AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Azure.Storage.Blobs");
    ps.Commands.Clear();

    watch.Restart();
    var sample = ps.AddScript("Measure-FtActiveUsage -Sample -Service Teams").Invoke();
    timings["firstFileCallMs"] = watch.Elapsed.TotalMilliseconds;
    ps.Commands.Clear();

    watch.Restart();
    var tenant = ps.AddScript("(Connect-FtTenant -AccessToken $args[0] -GraphEndpoint $args[1] -PassThru).TenantId").AddArgument(secure).AddArgument(endpoint).Invoke();
    ps.Commands.Clear();
    var measured = ps.AddScript("New-FtCustomerPlan -TenantId $args[0] -Customer Host -IntendedService Teams, Exchange -Workspace $args[1] | Out-Null; Measure-FtActiveUsage -TenantId $args[0] -Workspace $args[1]")
        .AddArgument(tenant.Single().BaseObject).AddArgument(workspace).Invoke();
    timings["firstGraphCallMs"] = watch.Elapsed.TotalMilliseconds;
    // A folder workspace never loads the blob client (issue 19): only a container URL does.
    timings["storageLoadedAfterFolderWork"] = AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Azure.Storage.Blobs");
    ps.Commands.Clear();
    var diagnostics = ps.AddScript("Get-FtModuleDiagnostic -Loaded | ForEach-Object { '{0} {1} {2} {3}' -f $_.Name, $_.LoadedVersion, $_.Context, $_.IsModuleCopy }").Invoke();
    ps.Commands.Clear();
    return new Dictionary<string, object?>
    {
        ["sampleResults"] = sample.Count,
        ["graphResults"] = measured.Select(m => $"{m.Properties["Service"].Value} {m.Properties["ActiveUsagePercent"].Value} {m.Properties["Source"].Value}").ToList(),
        ["errors"] = ps.Streams.Error.Select(e => e.FullyQualifiedErrorId + ": " + e).ToList(),
        ["diagnostics"] = diagnostics.Select(d => d.ToString()).ToList(),
        ["timings"] = timings,
    };
}

try
{
    var state = InitialSessionState.CreateDefault2();
    var watch = Stopwatch.StartNew();
    using var runspace = RunspaceFactory.CreateRunspace(state);
    runspace.Open();
    report["runspaceOpenMs"] = watch.Elapsed.TotalMilliseconds;
    using var ps = PowerShell.Create();
    ps.Runspace = runspace;
    if (mode == "conflicts-first")
    {
        report["otherBefore"] = UseOtherVersions();
        report["module"] = RunModule(ps);
    }
    else
    {
        report["module"] = RunModule(ps);
        report["otherBefore"] = UseOtherVersions();
    }
    report["otherAfter"] = UseOtherVersions();
}
catch (Exception ex)
{
    report["exception"] = ex.ToString();
}
report["totalMs"] = clock.Elapsed.TotalMilliseconds;
Console.WriteLine(JsonSerializer.Serialize(report));
