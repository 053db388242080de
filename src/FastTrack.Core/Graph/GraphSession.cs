using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using FastTrack.Core.Errors;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace FastTrack.Core.Graph;

/// <summary>The Microsoft Graph client of one connection: the SDK's own handlers (redirects to the report
/// downloads, compression, headers) with ours in front for throttling and tokens, and the connection's report
/// downloads. Safe for concurrent calls: plans of a tenant, and a measurement's reports, share it. Kept apart
/// from <see cref="TenantConnection"/> so that Microsoft.Graph loads only when a live tenant is used.</summary>
internal sealed class GraphSession : IDisposable
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    private readonly HttpClient _http;

    public GraphSession(TokenCredential credential, Uri endpoint, string[] scopes, GraphOptions options)
    {
        Endpoint = endpoint;
        Options = options;
        var handlers = GraphClientFactory.CreateDefaultHandlers().Where(h => h is not RetryHandler).ToList();
        handlers.Insert(0, new ResponseContentHandler());
        handlers.Insert(1, new ThrottlingHandler(options.Retry, options.Log));
        handlers.Insert(2, new BearerTokenHandler(credential, scopes, endpoint));
        _http = GraphClientFactory.Create(handlers);
        _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // each call has its own deadline
        Client = new GraphServiceClient(_http, new AnonymousAuthenticationProvider(), new Uri(endpoint, "v1.0").ToString());
        Reports = new ReportDownloads(this);
    }

    public Uri Endpoint { get; }
    public GraphOptions Options { get; }
    public GraphServiceClient Client { get; }
    public ReportDownloads Reports { get; }

    /// <summary>Sends a GET built by the SDK and returns the body as it arrives (the report CSV after the
    /// redirect, or JSON) with the length it announced, under a deadline of <paramref name="timeout"/> that
    /// covers the body too. Failures become errors that name <paramref name="what"/> and never a URL;
    /// cancelling <paramref name="cancellationToken"/> throws OperationCanceledException.</summary>
    public async Task<ResponseBody> SendAsync(RequestInformation request, string what, string permission, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var content = new ResponseContentOption();
        request.AddRequestOptions(new[] { content });
        try
        {
            var stream = await Client.RequestAdapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, deadline.Token).ConfigureAwait(false)
                ?? throw GraphErrors.GraphEmptyResponse(what).ToException();
            return new ResponseBody(stream, content.Length, deadline);
        }
        catch (Exception ex)
        {
            deadline.Dispose();
            if (ex is FtException) throw;
            throw GraphErrors.From(ex, what, permission, timeout, cancellationToken).ToException();
        }
    }

    public string GetText(RequestInformation request, string what, string permission, CancellationToken cancellationToken)
    {
        using var body = SendAsync(request, what, permission, Options.CallTimeout, cancellationToken).GetAwaiter().GetResult();
        using var reader = new StreamReader(body.Stream);
        try { return reader.ReadToEnd(); }
        catch (Exception ex) { throw GraphErrors.From(ex, what, permission, Options.CallTimeout, cancellationToken).ToException(); }
    }

    public void Dispose() => _http.Dispose();
}
