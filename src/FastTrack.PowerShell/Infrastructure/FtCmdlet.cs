using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>What every FastTrack cmdlet shares: its <see cref="InvocationContext"/>, turning core errors into
/// ErrorRecords with a stable id, a category and a target, and stopping long work on Ctrl+C.</summary>
public abstract class FtCmdlet : PSCmdlet
{
    private readonly CancellationTokenSource _stop = new();
    private InvocationContext? _context;

    /// <summary>The playbook, the time, the culture and the connections of this invocation, resolved once.</summary>
    protected InvocationContext Context => _context ??= new InvocationContext(PlaybookCatalog.Default, Core.Time.SystemClock.Now, CultureInfo.CurrentUICulture, FtSession.Connections);

    /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing); long reads and Graph calls watch it.</summary>
    protected CancellationToken StopToken => _stop.Token;

    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>The culture for names and messages: -Culture when given, else $PSUICulture.</summary>
    protected CultureInfo OutputCulture(CultureInfo? requested) => requested ?? Context.Culture;

    protected void WriteOutcome<T>(Outcome<T> outcome)
    {
        if (outcome.Succeeded) WriteObject(outcome.Value);
        else WriteFtError(outcome.Error!);
    }

    protected void WriteFtError(FtError error) => WriteError(ToErrorRecord(error, null));

    protected void ThrowFtError(FtError error, Exception? inner = null) => ThrowTerminatingError(ToErrorRecord(error, inner));

    /// <summary>Runs one unit of work; a core failure becomes a non-terminating error for this input only.</summary>
    protected void Guard(Action work)
    {
        try
        {
            work();
        }
        catch (FtException ex)
        {
            WriteError(ToErrorRecord(ex.Error, ex));
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C reached a long read: stop the pipeline as the engine expects, without a stack trace.
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Runs work that must succeed for the cmdlet to go on; a core failure stops it.</summary>
    protected T Require<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (FtException ex)
        {
            ThrowFtError(ex.Error, ex);
            throw; // not reached: ThrowTerminatingError does not return
        }
    }

    protected void Require(Action work) => Require(() => { work(); return true; });

    internal static ErrorRecord ToErrorRecord(FtError error, Exception? inner)
    {
        var exception = inner ?? new FtException(error);
        var category = Enum.TryParse<ErrorCategory>(error.Kind.ToString(), out var parsed) ? parsed : ErrorCategory.NotSpecified;
        return new ErrorRecord(exception, error.ErrorId, category, error.Target);
    }
}
