using System.Net;

namespace FastTrack.GraphEmulator;

/// <summary>The managed identity endpoint of Azure App Service, Functions and Automation (IDENTITY_ENDPOINT with the
/// X-IDENTITY-HEADER secret, api-version 2019-08-01), so that Azure.Identity's own ManagedIdentityCredential signs in
/// on loopback: it answers the token of the primary tenant, as an identity of that tenant would get.</summary>
public sealed partial class GraphEmulator
{
    public const string IdentityPath = "/msi/token";

    /// <summary>What IDENTITY_HEADER must be set to; the header proves the caller runs beside the endpoint.</summary>
    public string IdentityHeader { get; set; } = "emulator-identity-header";

    /// <summary>The token the identity endpoint hands out: one the primary tenant accepts.</summary>
    public string IdentityToken { get; set; } = "emulator-token";

    private async Task<int> HandleIdentity(HttpListenerContext context)
    {
        var request = context.Request;
        if (request.Headers["X-IDENTITY-HEADER"] != IdentityHeader)
            return await Answers.Error(context.Response, 401, "IdentityHeaderMissing", "The X-IDENTITY-HEADER header is missing or wrong.").ConfigureAwait(false);
        var resource = request.QueryString["resource"] ?? "";
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return await Answers.Json(context.Response,
            $$"""{"access_token":"{{IdentityToken}}","expires_on":"{{expires}}","resource":"{{resource}}","token_type":"Bearer","client_id":"{{request.QueryString["client_id"] ?? "00000000-0000-0000-0000-00000000a11e"}}"}""").ConfigureAwait(false);
    }
}
