using System.Globalization;
using System.Net;

namespace FastTrack.GraphEmulator;

/// <summary>The download host: the key in the query is the only credential (no bearer token), as on Graph's
/// report storage. Bodies go through the shared link when a bandwidth is set.</summary>
public sealed partial class GraphEmulator
{
    private const int Chunk = 64 * 1024;
    private int _downloadsInFlight;
    private int _peakDownloads;

    /// <summary>The most report bodies this emulator has been sending at once.</summary>
    public int PeakDownloadsInFlight => Volatile.Read(ref _peakDownloads);

    private async Task<int> HandleDownload(HttpListenerContext context)
    {
        var request = context.Request;
        var parts = request.Url!.AbsolutePath.Trim('/').Split('/');
        if (request.QueryString["tempauth"] != DownloadSecret)
            return await Answers.Error(context.Response, 403, "Forbidden", "The download key is missing or wrong.").ConfigureAwait(false);
        if (parts.Length != 4 || parts[0] != "download" || Kind(parts[1]) is not { } kind || !Guid.TryParse(parts[2], out var tenantId)
            || !_byId.TryGetValue(tenantId, out var tenant)
            || !DateTime.TryParseExact(parts[3].Replace(".csv", ""), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return await Answers.Error(context.Response, 404, "NotFound", "No such download.").ConfigureAwait(false);

        var bytes = tenant.Report(kind, day, DisplayConcealedNames);
        var now = Interlocked.Increment(ref _downloadsInFlight);
        for (var peak = _peakDownloads; now > peak; peak = _peakDownloads) Interlocked.CompareExchange(ref _peakDownloads, now, peak);
        try { return await Serve(context.Response, bytes).ConfigureAwait(false); }
        finally { Interlocked.Decrement(ref _downloadsInFlight); }
    }

    private async Task<int> Serve(HttpListenerResponse response, byte[] bytes)
    {
        response.StatusCode = 200;
        response.ContentType = "application/octet-stream";
        response.ContentLength64 = bytes.Length;
        switch (_pendingBodyFault.Value)
        {
            case TruncatedBodyFault truncated:
                await Send(response, bytes.AsMemory(0, Math.Min(truncated.Bytes, bytes.Length))).ConfigureAwait(false);
                await response.OutputStream.FlushAsync().ConfigureAwait(false);
                response.Abort();
                return 200;
            case SlowBodyFault slow:
                var head = Math.Min(1024, bytes.Length);
                await Send(response, bytes.AsMemory(0, head)).ConfigureAwait(false);
                await response.OutputStream.FlushAsync().ConfigureAwait(false);
                try { await Task.Delay(slow.Delay, _stop.Token).ConfigureAwait(false); } catch (OperationCanceledException) { }
                await Send(response, bytes.AsMemory(head)).ConfigureAwait(false);
                break;
            default:
                await Send(response, bytes).ConfigureAwait(false);
                break;
        }
        response.Close();
        return 200;
    }

    private async Task Send(HttpListenerResponse response, ReadOnlyMemory<byte> bytes)
    {
        if (_link is not { } link)
        {
            await response.OutputStream.WriteAsync(bytes, _stop.Token).ConfigureAwait(false);
            return;
        }
        for (var offset = 0; offset < bytes.Length; offset += Chunk)
        {
            var chunk = bytes.Slice(offset, Math.Min(Chunk, bytes.Length - offset));
            await link.Send(chunk.Length, _stop.Token).ConfigureAwait(false);
            await response.OutputStream.WriteAsync(chunk, _stop.Token).ConfigureAwait(false);
        }
    }
}
