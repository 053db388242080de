using System.Diagnostics;
using System.Text.Json;

namespace FastTrack.Bench;

/// <summary>Import-Module and the first calls, each in a fresh PowerShell host process
/// (tests/FastTrack.ModuleHost, with other modules' dependency versions loaded), against the Graph emulator.
/// Run from the repository root after `dotnet build`.</summary>
internal static class ImportTiming
{
    public static void Run(int runs)
    {
        var manifest = Directory.GetFiles("out/FastTrack.PowerShell", "FastTrack.PowerShell.psd1", SearchOption.AllDirectories).Single();
        const string host = "tests/FastTrack.ModuleHost/bin/Debug/net10.0/FastTrack.ModuleHost.dll";
        const string emulatorDll = "tests/FastTrack.GraphEmulator/bin/Debug/net10.0/FastTrack.GraphEmulator.dll";
        var token = "bench-" + Guid.NewGuid().ToString("N");
        var emulatorStart = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { emulatorDll, "--tenant-id", "2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f", "--customer", "Bench", "--token", token }) emulatorStart.ArgumentList.Add(a);
        using var emulator = Process.Start(emulatorStart)!;
        var endpoint = emulator.StandardOutput.ReadLine()!.Substring("READY ".Length);
        var samples = new List<JsonElement>();
        for (var i = 0; i < runs; i++)
        {
            var workspace = Path.Combine(Path.GetTempPath(), "ftbench-ws-" + Guid.NewGuid().ToString("N"));
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { host, "module-first", Path.GetFullPath(manifest), endpoint, token, workspace }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            samples.Add(JsonDocument.Parse(output.Trim().Split('\n').Last()).RootElement.GetProperty("module").GetProperty("timings").Clone());
            try { Directory.Delete(workspace, true); } catch (IOException) { }
        }
        emulator.StandardInput.Close();
        emulator.WaitForExit(5000);

        double Median(string name) => samples.Select(s => s.GetProperty(name).GetDouble()).OrderBy(v => v).ElementAt(samples.Count / 2);
        Console.WriteLine($"| Step (fresh process, median of {runs}) | ms |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| Import-Module of an empty manifest (the engine's own cost) | {Median("baselineImportMs"):0} |");
        Console.WriteLine($"| Import-Module FastTrack.PowerShell | {Median("importMs"):0} |");
        Console.WriteLine($"| First file-based call (Measure-FtActiveUsage -Sample -Service Teams) | {Median("firstFileCallMs"):0} |");
        Console.WriteLine($"| First Graph-based call (Connect-FtTenant + plan + Measure-FtActiveUsage, 2 services) | {Median("firstGraphCallMs"):0} |");
        Console.WriteLine($"Microsoft.Graph loaded by Import-Module: {(samples.Any(s => s.GetProperty("graphLoadedAfterImport").GetBoolean()) ? "YES" : "no")}");
    }
}
