using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace FastTrack.Core.Graph;

/// <summary>An access token obtained elsewhere (-AccessToken). It cannot be refreshed: when Graph
/// refuses it, the connection says so instead of retrying.</summary>
internal sealed class StaticTokenCredential : TokenCredential
{
    private readonly string _token;

    public StaticTokenCredential(string token) => _token = token;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(_token, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
