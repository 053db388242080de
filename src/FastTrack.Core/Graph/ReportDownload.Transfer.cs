using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Core.Errors;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Graph;

/// <summary>The copy from the response to the file, and its retries. A body cut off is sent for again, as
/// before streaming. But the scanner may already have read its first bytes, and they cannot be taken back: so
/// the new body's bytes up to where the first one stopped are compared with the file, not written again. The
/// same bytes (Graph's report of one refresh date is the same file) continue the download; other bytes (the
/// report was refreshed in between) fail the report with GraphReportChanged rather than hand the scanner the
/// head of one report and the tail of another. A timeout is not retried, as before.</summary>
internal sealed partial class ReportDownload
{
    private const int ChunkBytes = 81920;

    /// <summary>Copies <paramref name="first"/> into the file in the background; <paramref name="ended"/> runs
    /// once it is whole and named, failed, or stopped.</summary>
    public void Run(ResponseBody first, Action ended)
    {
        Length = first.Length;
        _ = Transfer(first, ended);
    }

    private async Task Transfer(ResponseBody first, Action ended)
    {
        var body = first;
        try
        {
            var retry = _options.Retry;
            var buffer = new byte[ChunkBytes];
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await Copy(body, buffer).ConfigureAwait(false);
                    break;
                }
                catch (Exception ex) when (IsCutOff(ex) && attempt < retry.MaxAttempts && !_stop.IsCancellationRequested)
                {
                    body.Dispose();
                    var wait = retry.Backoff(attempt, null);
                    _options.Log?.Invoke($"{_what}: the download was cut off; retry {attempt} of {retry.MaxAttempts - 1} in {wait.TotalSeconds:0.#} s.");
                    await retry.Delay(wait, _stop.Token).ConfigureAwait(false);
                    body = await _downloads.Send(_kind, _what, _stop.Token).ConfigureAwait(false);
                    // Nothing read yet: a fresh start. Else the new body must be the one whose head was read.
                    if (Written == 0) Length = body.Length;
                    else if (Length is { } before && body.Length is { } now && before != now) throw GraphErrors.GraphReportChanged(_what).ToException();
                }
            }
            Complete();
        }
        catch (Exception ex)
        {
            Fail(ErrorOf(ex));
        }
        finally
        {
            body.Dispose();
            _stop.Dispose();
            ended();
        }
    }

    // Reads the body to its end: bytes the file already has are compared, the rest appended. A body that ends
    // short of its announced length, or empty (Graph always sends the header row), was cut off.
    private async Task Copy(ResponseBody body, byte[] buffer)
    {
        var have = _written;
        long offset = 0;
        int read;
        // The body's deadline covers the first call's wait for headers; stopping covers the readers leaving.
        using var stopOrDeadline = CancellationTokenSource.CreateLinkedTokenSource(body.Deadline.Token, _stop.Token);
        while ((read = await body.Stream.ReadAsync(buffer, 0, buffer.Length, stopOrDeadline.Token).ConfigureAwait(false)) > 0)
        {
            var known = (int)Math.Max(0, Math.Min(read, have - offset));
            if (known > 0 && !SameAsFile(offset, buffer, known)) throw GraphErrors.GraphReportChanged(_what).ToException();
            if (read > known) Append(buffer, known, read - known);
            offset += read;
        }
        if (offset == 0 || (body.Length is { } announced && offset != announced)) throw new IOException("The body ended before its announced length.");
        if (offset < have) throw GraphErrors.GraphReportChanged(_what).ToException();
    }

    private void Append(byte[] buffer, int offset, int count)
    {
        try { _file.Stream.Write(buffer, offset, count); }
        catch (IOException ex) { throw GraphErrors.ReportCacheNotWritable(_file.Path, ex.Message).ToException(); }
        Appended(count);
    }

    private bool SameAsFile(long position, byte[] buffer, int count)
    {
        try
        {
            using var file = new FileStream(_file.TempPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            file.Position = position;
            var mine = new byte[count];
            for (var done = 0; done < count;)
            {
                var n = file.Read(mine, done, count - done);
                if (n == 0) return false;
                done += n;
            }
            return new ReadOnlySpan<byte>(mine).SequenceEqual(new ReadOnlySpan<byte>(buffer, 0, count));
        }
        catch (IOException ex) { throw GraphErrors.ReportCacheNotWritable(_file.Path, ex.Message).ToException(); }
    }

    // Errors of the body (not of the file, which are FtExceptions by then) that sending again may cure.
    private static bool IsCutOff(Exception ex) => ex is IOException || ex is HttpRequestException;

    // Null when stopped by the user or by the readers leaving: nobody is owed an error then.
    private FtError? ErrorOf(Exception ex) => ex switch
    {
        FtException ft => ft.Error,
        OperationCanceledException when _stop.IsCancellationRequested => null,
        OperationCanceledException => GraphErrors.GraphTimeout(_what, _options.DownloadTimeout),
        IOException or HttpRequestException => GraphErrors.GraphConnectionFailed(_what),
        _ => GraphErrors.GraphFailed(_what, ex.GetType().Name),
    };
}
