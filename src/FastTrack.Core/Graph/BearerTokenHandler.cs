using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace FastTrack.Core.Graph;

/// <summary>Puts the connection's token on calls to the Graph host only (never on the redirected,
/// pre-authenticated report downloads), and when Graph answers 401 asks for a fresh token once.</summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly TokenCredential _credential;
    private readonly string[] _scopes;
    private readonly Uri _graph;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _token;

    public BearerTokenHandler(TokenCredential credential, string[] scopes, Uri graph)
    {
        _credential = credential;
        _scopes = scopes;
        _graph = graph;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!IsGraph(request.RequestUri)) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Token(refresh: false, cancellationToken).ConfigureAwait(false));
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        // Expired or revoked: one fresh token, one more try. A second 401 goes back to the caller.
        response.Dispose();
        var retry = HttpRequests.Clone(request);
        retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Token(refresh: true, cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
    }

    private bool IsGraph(Uri? uri) =>
        uri is not null && string.Equals(uri.Host, _graph.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == _graph.Port;

    private async Task<string> Token(bool refresh, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (refresh || _token is null || _token.Value.ExpiresOn - DateTimeOffset.UtcNow < RefreshMargin)
                _token = await _credential.GetTokenAsync(new TokenRequestContext(_scopes), cancellationToken).ConfigureAwait(false);
            return _token.Value.Token;
        }
        finally
        {
            _gate.Release();
        }
    }
}
