using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
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
/// downloads, compression, headers) with ours in front for throttling and tokens. Kept apart from
/// <see cref="TenantConnection"/> so that Microsoft.Graph loads only when a live tenant is used.</summary>
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
        handlers.Insert(0, new ThrottlingHandler(options.Retry, options.Log));
        handlers.Insert(1, new BearerTokenHandler(credential, scopes, endpoint));
        _http = GraphClientFactory.Create(handlers);
        _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // each call has its own deadline
        Client = new GraphServiceClient(_http, new AnonymousAuthenticationProvider(), new Uri(endpoint, "v1.0").ToString());
    }

    public Uri Endpoint { get; }
    public GraphOptions Options { get; }
    public GraphServiceClient Client { get; }

    /// <summary>Sends a GET built by the SDK and returns the body as a stream (the report CSV after the
    /// redirect, or JSON). Failures become errors that name <paramref name="what"/> and never a URL.</summary>
    public Stream Get(RequestInformation request, string what, string permission, TimeSpan timeout, CancellationToken cancellationToken, out CancellationTokenSource deadline)
    {
        deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return Client.RequestAdapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, deadline.Token).GetAwaiter().GetResult()
                ?? throw GraphErrors.GraphEmptyResponse(what).ToException();
        }
        catch (Exception ex) when (ex is not FtException)
        {
            throw GraphErrors.From(ex, what, permission, timeout, cancellationToken).ToException();
        }
    }

    public string GetText(RequestInformation request, string what, string permission, CancellationToken cancellationToken)
    {
        using var stream = Get(request, what, permission, Options.CallTimeout, cancellationToken, out var deadline);
        using (deadline)
        using (var reader = new StreamReader(stream))
        {
            try { return reader.ReadToEnd(); }
            catch (Exception ex) { throw GraphErrors.From(ex, what, permission, Options.CallTimeout, cancellationToken).ToException(); }
        }
    }

    public void Dispose() => _http.Dispose();
}
