using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace FastTrack.PowerShell.Tests.Hosting;

/// <summary>A runspace with the staged module imported, shared by the tests of one class
/// (use as an xunit class fixture).</summary>
public sealed class ModuleSession : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleSession()
    {
        Host = new CapturingHost(CultureInfo.GetCultureInfo("en-US"));
        _runspace = RunspaceFactory.CreateRunspace(Host, InitialSessionState.CreateDefault2());
        _runspace.Open();
        var import = Run("Import-Module $args[0] -ErrorAction Stop -PassThru", ModulePaths.Manifest);
        if (import.Errors.Count > 0) throw new InvalidOperationException("Import-Module failed: " + import.ErrorText);
        Module = import.Output.Single();
    }

    public CapturingHost Host { get; }
    public PSObject Module { get; }

    /// <summary>Runs a script; arguments are available as $args. A terminating error is returned as the
    /// last error, as a user would see it, rather than thrown.</summary>
    public ScriptResult Run(string script, params object?[] arguments)
    {
        lock (_runspace)
        {
            using var ps = System.Management.Automation.PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            foreach (var argument in arguments) ps.AddArgument(argument);
            Collection<PSObject> output;
            var errors = new List<ErrorRecord>();
            try
            {
                output = ps.Invoke();
            }
            catch (RuntimeException ex)
            {
                output = new Collection<PSObject>();
                errors.Add(ex.ErrorRecord);
            }
            errors.InsertRange(0, ps.Streams.Error);
            return new ScriptResult(output, errors, ps.Streams.Warning.Select(w => w.Message).ToList())
            {
                Progress = ps.Streams.Progress.ToList(),
                Verbose = ps.Streams.Verbose.Select(v => v.Message).ToList(),
            };
        }
    }

    /// <summary>Runs a script, presses Ctrl+C after <paramref name="stopAfter"/>, and says how long the
    /// pipeline took to stop and in which state it ended.</summary>
    public (TimeSpan StopTook, PSInvocationState State) RunAndStop(string script, TimeSpan stopAfter, params object?[] arguments)
    {
        lock (_runspace)
        {
            using var ps = System.Management.Automation.PowerShell.Create();
            ps.Runspace = _runspace;
            ps.AddScript(script);
            foreach (var argument in arguments) ps.AddArgument(argument);
            var running = ps.BeginInvoke();
            Thread.Sleep(stopAfter);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            ps.Stop();
            try { ps.EndInvoke(running); } catch (PipelineStoppedException) { } catch (RuntimeException) { }
            return (watch.Elapsed, ps.InvocationStateInfo.State);
        }
    }

    /// <summary>What tab completion offers at the end of <paramref name="input"/>.</summary>
    public IReadOnlyList<string> Complete(string input) =>
        Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object CompletionText", input)
            .Output.Select(o => o.ToString()).ToList();

    /// <summary>Runs a script, sends all it outputs to Out-Default, and returns what the host displayed.</summary>
    public string Display(string script, params object?[] arguments)
    {
        lock (_runspace)
        {
            Host.Clear();
            var result = Run("& {\n" + script + "\n} @args | Out-Default", arguments);
            if (result.Errors.Count > 0) throw new InvalidOperationException(result.ErrorText);
            return Host.Text;
        }
    }

    public void Dispose() => _runspace.Dispose();
}

public sealed record ScriptResult(Collection<PSObject> Output, IReadOnlyList<ErrorRecord> Errors, IReadOnlyList<string> Warnings)
{
    public IReadOnlyList<ProgressRecord> Progress { get; init; } = Array.Empty<ProgressRecord>();
    public IReadOnlyList<string> Verbose { get; init; } = Array.Empty<string>();

    public string ErrorText => string.Join(Environment.NewLine, Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e}"));

    public PSObject Single()
    {
        Assert.True(Errors.Count == 0, ErrorText);
        return Assert.Single(Output);
    }

    public void AssertNoErrors() => Assert.True(Errors.Count == 0, ErrorText);
}

public static class PSObjectExtensions
{
    public static object? Prop(this PSObject obj, string name) => obj.Properties[name]?.Value is { } v ? Unwrap(v) : null;
    public static string? Str(this PSObject obj, string name) => obj.Prop(name)?.ToString();

    private static object Unwrap(object value) => value is PSObject ps ? ps.BaseObject : value;
}
