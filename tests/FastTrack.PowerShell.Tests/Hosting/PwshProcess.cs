using System.Diagnostics;

namespace FastTrack.PowerShell.Tests.Hosting;

/// <summary>A real pwsh process (the repository's pinned tool, `dotnet pwsh`) that imports the staged module and runs
/// one script, with the environment the test gives it (a blob workspace, its connection string).</summary>
public sealed class PwshProcess : IDisposable
{
    private static readonly Lazy<bool> s_restored = new(() =>
    {
        // The pinned pwsh is a local tool: restored once (from the NuGet cache when it is there).
        using var restore = Process.Start(new ProcessStartInfo("dotnet", "tool restore") { WorkingDirectory = ModulePaths.RepoRoot, RedirectStandardOutput = true, UseShellExecute = false })!;
        restore.StandardOutput.ReadToEnd();
        restore.WaitForExit();
        return restore.ExitCode == 0;
    });

    private readonly Process _process;
    private readonly List<string> _output = new();
    private readonly List<string> _errors = new();
    private readonly TaskCompletionSource _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PwshProcess(string script, IDictionary<string, string> environment)
    {
        if (!s_restored.Value) throw new InvalidOperationException("dotnet tool restore failed: the pinned pwsh is not available");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = ModulePaths.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "pwsh", "-NoLogo", "-NoProfile", "-NonInteractive", "-Command", $"$ErrorActionPreference = 'Stop'; Import-Module '{ModulePaths.Manifest}'; {script}" })
            info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        info.Environment["NO_COLOR"] = "1";
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_output) _output.Add(e.Data);
            _firstLine.TrySetResult();
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (_errors) _errors.Add(e.Data);
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Output
    {
        get { lock (_output) return _output.ToList(); }
    }

    public string Errors
    {
        get { lock (_errors) return string.Join("\n", _errors); }
    }

    /// <summary>Waits for the first line of output (the process is warm and working).</summary>
    public bool WaitForOutput(TimeSpan timeout) => _firstLine.Task.Wait(timeout);

    /// <summary>Waits for the end; throws with its error output unless it ended well.</summary>
    public void WaitForSuccess(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout)) throw new TimeoutException("pwsh did not finish: " + Errors);
        _process.WaitForExit(); // the output events are drained
        if (_process.ExitCode != 0) throw new InvalidOperationException($"pwsh exited with {_process.ExitCode}: {Errors}");
    }

    /// <summary>SIGKILL on Unix: no finally blocks, no lease released, nothing flushed.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
