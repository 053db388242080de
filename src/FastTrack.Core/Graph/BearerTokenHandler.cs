using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace FastTrack.Core.Graph;

/// <summary>Puts the connection's token on calls to the Graph host only (never on the redirected,
/// pre-authenticated report downloads), and when Graph answers 401 asks for a fresh token once. Calls in
/// parallel share the token without waiting for each other; several refused with the same token get one fresh
/// token between them, not one each.</summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly TokenCredential _credential;
    private readonly string[] _scopes;
    private readonly Uri _graph;
    private readonly SemaphoreSlim _gate = new(1, 1);
    // A class, so that calls read the current token without the gate (an AccessToken is a struct, torn if read while written).
    private volatile CurrentToken? _token;

    public BearerTokenHandler(TokenCredential credential, string[] scopes, Uri graph)
    {
        _credential = credential;
        _scopes = scopes;
        _graph = graph;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!IsGraph(request.RequestUri)) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var sent = await Token(refused: null, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sent);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;

        // Expired or revoked: one fresh token, one more try. A second 401 goes back to the caller.
        response.Dispose();
        // A mail's body was buffered by ThrottlingHandler before it was sent, so it can be read again here.
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var retry = HttpRequests.Clone(request, body);
        retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Token(refused: sent, cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
    }

    private bool IsGraph(Uri? uri) =>
        uri is not null && string.Equals(uri.Host, _graph.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == _graph.Port;

    /// <summary>The token to send: the current one while it is fresh; a new one when it nears its expiry or when
    /// Graph refused <paramref name="refused"/> and no other call has replaced it since.</summary>
    private async Task<string> Token(string? refused, CancellationToken cancellationToken)
    {
        if (_token is { } current && IsUsable(current, refused)) return current.Value;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } now && IsUsable(now, refused)) return now.Value;
            var fresh = await _credential.GetTokenAsync(new TokenRequestContext(_scopes), cancellationToken).ConfigureAwait(false);
            _token = new CurrentToken(fresh.Token, fresh.ExpiresOn);
            return fresh.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool IsUsable(CurrentToken token, string? refused) =>
        !string.Equals(token.Value, refused, StringComparison.Ordinal) && token.ExpiresOn - DateTimeOffset.UtcNow >= RefreshMargin;

    private sealed class CurrentToken
    {
        public CurrentToken(string value, DateTimeOffset expiresOn)
        {
            Value = value;
            ExpiresOn = expiresOn;
        }

        public string Value { get; }
        public DateTimeOffset ExpiresOn { get; }
    }
}
