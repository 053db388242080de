using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using FastTrack.Core.Errors;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace FastTrack.Core.Graph;

/// <summary>Turns what the Graph client throws into errors a user can act on. Messages are written
/// here, not passed through: the SDK's and the server's text could carry a URL with its key.</summary>
internal static class GraphErrors
{
    public static FtError From(Exception ex, string what, string permission, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested) throw ex;
        if (ex is OperationCanceledException)
            return new FtError("GraphTimeout", FtErrorKind.OperationTimeout, what, $"Microsoft Graph did not finish sending {what} within {timeout.TotalSeconds:0} s; try again later.");
        if (ex is ApiException api)
        {
            var code = (api as ODataError)?.Error?.Code;
            var detail = code is null ? "" : $" ({SecretText.Redact(code)})";
            return api.ResponseStatusCode switch
            {
                401 => new FtError("GraphUnauthorized", FtErrorKind.AuthenticationError, what,
                    $"Microsoft Graph refused the connection's token for {what}{detail}, also after asking for a fresh one. Connect again with Connect-FtTenant (a token given with -AccessToken cannot be refreshed)."),
                403 => new FtError("GraphForbidden", FtErrorKind.PermissionDenied, what,
                    $"Microsoft Graph denied {what}{detail}: the app needs the {permission} application permission with admin consent, " +
                    "or the signed-in user a role that reads reports (Reports Reader, Global Reader)."),
                404 => new FtError("GraphNotFound", FtErrorKind.ObjectNotFound, what, $"Microsoft Graph has no {what}{detail}; check -Cloud and -GraphEndpoint of the connection."),
                429 or 503 or 504 => new FtError("GraphLimitsExceeded", FtErrorKind.LimitsExceeded, what,
                    $"Microsoft Graph kept refusing {what} ({api.ResponseStatusCode}) after every retry. Report calls are limited to about 14 per 10 minutes per app and tenant: try again later."),
                _ => new FtError("GraphFailed", FtErrorKind.InvalidResult, what, $"Microsoft Graph answered {api.ResponseStatusCode} for {what}{detail}."),
            };
        }
        if (ex is HttpRequestException || ex is IOException)
            return new FtError("GraphConnectionFailed", FtErrorKind.ConnectionError, what, $"The connection to Microsoft Graph failed while fetching {what} (reset or cut off), also after retries.");
        if (ex is Azure.Identity.AuthenticationFailedException || ex is Azure.Identity.CredentialUnavailableException)
            return SignInFailed(ex, what);
        return new FtError("GraphFailed", FtErrorKind.NotSpecified, what, $"Fetching {what} from Microsoft Graph failed: {ex.GetType().Name}.");
    }

    // Azure.Identity's message repeats every retry's text; one sentence and the root cause say it all.
    private static FtError SignInFailed(Exception ex, string what)
    {
        var root = ex;
        while (root.InnerException is { } inner) root = inner;
        if (root is System.Net.Sockets.SocketException || root is HttpRequestException || ex.InnerException is HttpRequestException)
        {
            return new FtError("GraphSignInUnreachable", FtErrorKind.ConnectionError, what,
                $"Signing in to Microsoft Graph (to read {what}) failed: Entra ID could not be reached ({SecretText.Redact(root.Message)}). Check the network, proxy and firewall, and -Cloud.");
        }
        var first = ex.Message.Split(new[] { '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        var cause = root == ex ? "" : $" ({SecretText.Redact(root.Message.Split('\n')[0].Trim())})";
        return new FtError("GraphSignInFailed", FtErrorKind.AuthenticationError, what, $"Signing in to Microsoft Graph failed for {what}: {SecretText.Redact(first)}{cause}");
    }
}
