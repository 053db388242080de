using System;
using System.Globalization;
using System.Management.Automation;
using FastTrack.Core.Errors;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>What every FastTrack cmdlet shares: turning core errors into ErrorRecords with a stable id,
/// a category and a target, and the culture output is named in.</summary>
public abstract class FtCmdlet : PSCmdlet
{
    /// <summary>The culture for names and messages; defaults to $PSUICulture.</summary>
    protected CultureInfo OutputCulture(CultureInfo? requested) => requested ?? CultureInfo.CurrentUICulture;

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

    /// <summary>The file an export cmdlet is asked to write, resolved against the PowerShell location;
    /// a folder, or an existing file without -Force, stops the cmdlet before anything is done.</summary>
    protected string ExportPath(string path, bool force)
    {
        string full;
        try
        {
            full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is ItemNotFoundException || ex is ProviderNotFoundException || ex is DriveNotFoundException)
        {
            ThrowFtError(new FtError("PathInvalid", FtErrorKind.InvalidArgument, path, $"-Path cannot be used: {ex.Message}"), ex);
            throw;
        }
        if (System.IO.Directory.Exists(full))
            ThrowFtError(new FtError("PathIsFolder", FtErrorKind.InvalidArgument, full, $"'{full}' is a folder; give the path of the file to write."));
        if (System.IO.File.Exists(full) && !force)
            ThrowFtError(new FtError("FileExists", FtErrorKind.ResourceExists, full, $"'{full}' exists; use -Force to overwrite it."));
        var folder = System.IO.Path.GetDirectoryName(full);
        if (folder is not null && !System.IO.Directory.Exists(folder))
            ThrowFtError(new FtError("FolderNotFound", FtErrorKind.ObjectNotFound, folder, $"The folder '{folder}' does not exist; create it, or give a path in an existing folder."));
        return full;
    }

    /// <summary>Writes an export atomically; a disk or permission failure is an error naming the file.</summary>
    protected void WriteFile(string path, string content)
    {
        try
        {
            Core.Workspaces.AtomicFile.Write(path, content, ownerOnly: false);
        }
        catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
        {
            ThrowFtError(new FtError("FileWriteFailed", FtErrorKind.WriteError, path, $"'{path}' could not be written: {ex.Message}"), ex);
        }
    }

    internal static ErrorRecord ToErrorRecord(FtError error, Exception? inner)
    {
        var exception = inner ?? new FtException(error);
        var category = Enum.TryParse<ErrorCategory>(error.Kind.ToString(), out var parsed) ? parsed : ErrorCategory.NotSpecified;
        return new ErrorRecord(exception, error.ErrorId, category, error.Target);
    }
}
