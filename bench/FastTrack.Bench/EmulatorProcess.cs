using System.Diagnostics;
using System.Globalization;

namespace FastTrack.Bench;

/// <summary>The Graph emulator in a process of its own, as Graph is: its sending (and the latency and bandwidth
/// it plays) does not share this process's thread pool or garbage collector with the client being measured.</summary>
internal sealed class EmulatorProcess : IDisposable
{
    private readonly Process _process;

    public EmulatorProcess(params object[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "FastTrack.GraphEmulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(Convert.ToString(arg, CultureInfo.InvariantCulture)!);
        _process = Process.Start(start)!;
        var ready = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The Graph emulator did not start.");
        Endpoint = new Uri(ready.Substring("READY ".Length));
    }

    public Uri Endpoint { get; }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
