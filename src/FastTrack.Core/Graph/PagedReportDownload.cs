using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Core.Errors;
using FastTrack.Core.UsageReports;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Graph;

/// <summary>A report Graph serves as JSON pages (Microsoft 365 Copilot's): the first page asked for within the report
/// budget, then each @odata.nextLink followed until a page has none, every page written to the cache file as it
/// arrives, one after another. The file gets its cache name only once the last page is in: a report with a page
/// missing is never cached, and is never read (the scanner reads the whole file after). Pages are a few hundred
/// users each, so each is held in memory once, to find its link. A link to another host than the connection's
/// endpoint is refused, never followed: the bearer token would go with it.</summary>
internal static class PagedReportDownload
{
    public static async Task Fetch(GraphSession session, ReportKind kind, string path, string what, CancellationToken cancellationToken)
    {
        using var file = ReportCache.Begin(path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var body = await session.Reports.Send(kind, what, cancellationToken).ConfigureAwait(false);
        for (var page = 1; ; page++)
        {
            string? next;
            using (body) next = await Copy(body, file, what, page, session.Options.DownloadTimeout, cancellationToken).ConfigureAwait(false);
            if (next is null) break;
            if (!seen.Add(next)) throw GraphErrors.GraphFailed(what, $"page {page}'s @odata.nextLink repeats an earlier page's, so the pages would never end").ToException();
            session.Options.Log?.Invoke($"{what}: page {page} read; fetching page {page + 1}.");
            body = await session.SendAsync(ReportRequests.Get(Checked(session, next, what)), what, ReportRequests.Permission,
                session.Options.DownloadTimeout, cancellationToken).ConfigureAwait(false);
        }
        try
        {
            file.Flush();
            file.Commit();
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            throw GraphErrors.ReportCacheNotWritable(file.Path, ex.Message).ToException();
        }
    }

    // Appends the page and a line break to the file; its next link, or null on the last page.
    private static async Task<string?> Copy(ResponseBody body, PendingFile file, string what, int page, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var bytes = new MemoryStream();
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(body.Deadline.Token, cancellationToken))
        {
            try { await body.Stream.CopyToAsync(bytes, 81920, deadline.Token).ConfigureAwait(false); }
            catch (Exception ex) when (ex is IOException || ex is System.Net.Http.HttpRequestException) { throw GraphErrors.GraphConnectionFailed(what).ToException(); }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { throw GraphErrors.GraphTimeout(what, timeout).ToException(); }
        }
        if (bytes.Length == 0) throw GraphErrors.GraphEmptyResponse(what).ToException();
        bytes.Position = 0;
        var next = JsonReportRows.NextLinkOf(bytes, $"{what}, page {page}");
        try
        {
            bytes.WriteTo(file.Stream);
            file.Stream.WriteByte((byte)'\n');
        }
        catch (IOException ex) { throw GraphErrors.ReportCacheNotWritable(file.Path, ex.Message).ToException(); }
        return next;
    }

    // The link, if it is on the connection's own endpoint (scheme, host and port).
    private static Uri Checked(GraphSession session, string link, string what)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out var address))
            throw GraphErrors.GraphFailed(what, "a page's @odata.nextLink is not an absolute address").ToException();
        var endpoint = session.Endpoint;
        if (!string.Equals(address.Scheme, endpoint.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(address.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase) || address.Port != endpoint.Port)
            throw GraphErrors.GraphNextLinkForeign(what, address.Host).ToException();
        return address;
    }
}
