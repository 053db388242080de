using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using FastTrack.Core.Errors;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace FastTrack.Core.Graph;

/// <summary>Every error of connecting to and reading from Microsoft Graph: one id (the method's name) and one
/// text each. Messages are written here, never passed through: the SDK's and the server's text could carry a
/// URL with its key.</summary>
public static class GraphErrors
{
    /// <summary>What the Graph client threw, as the error a user can act on.</summary>
    public static FtError From(Exception ex, string what, string permission, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested) throw ex;
        if (ex is OperationCanceledException) return GraphTimeout(what, timeout);
        if (ex is ApiException api)
        {
            var code = (api as ODataError)?.Error?.Code;
            var detail = code is null ? "" : $" ({SecretText.Redact(code)})";
            return api.ResponseStatusCode switch
            {
                401 => GraphUnauthorized(what, detail),
                403 => GraphForbidden(what, detail, permission),
                404 => GraphNotFound(what, detail),
                429 or 503 or 504 => GraphLimitsExceeded(what, api.ResponseStatusCode),
                _ => GraphFailed(what, $"it answered {api.ResponseStatusCode}{detail}"),
            };
        }
        if (ex is HttpRequestException || ex is IOException) return GraphConnectionFailed(what);
        if (ex is Azure.Identity.AuthenticationFailedException || ex is Azure.Identity.CredentialUnavailableException) return SignInFailed(ex, what);
        return GraphFailed(what, ex.GetType().Name);
    }

    public static FtError GraphTimeout(string what, TimeSpan timeout) => new(nameof(GraphTimeout), FtErrorKind.OperationTimeout, what,
        $"Microsoft Graph did not finish sending {what} within {timeout.TotalSeconds:0} s; try again later.");

    public static FtError GraphUnauthorized(string what, string detail) => new(nameof(GraphUnauthorized), FtErrorKind.AuthenticationError, what,
        $"Microsoft Graph refused the connection's token for {what}{detail}, also after asking for a fresh one. Connect again with Connect-FtTenant (a token given with -AccessToken cannot be refreshed).");

    public static FtError GraphForbidden(string what, string detail, string permission) => new(nameof(GraphForbidden), FtErrorKind.PermissionDenied, what,
        $"Microsoft Graph denied {what}{detail}: the app needs the {permission} application permission with admin consent, " +
        "or the signed-in user a role that reads reports (Reports Reader, Global Reader).");

    public static FtError GraphNotFound(string what, string detail) => new(nameof(GraphNotFound), FtErrorKind.ObjectNotFound, what,
        $"Microsoft Graph has no {what}{detail}; check -Cloud and -GraphEndpoint of the connection.");

    public static FtError GraphLimitsExceeded(string what, int status) => new(nameof(GraphLimitsExceeded), FtErrorKind.LimitsExceeded, what,
        $"Microsoft Graph kept refusing {what} ({status}) after every retry. Report calls are limited to about 14 per 10 minutes per app and tenant: try again later.");

    public static FtError GraphFailed(string what, string why) => new(nameof(GraphFailed), FtErrorKind.InvalidResult, what,
        $"Fetching {what} from Microsoft Graph failed: {why}.");

    public static FtError GraphConnectionFailed(string what) => new(nameof(GraphConnectionFailed), FtErrorKind.ConnectionError, what,
        $"The connection to Microsoft Graph failed while fetching {what} (reset or cut off), also after retries.");

    public static FtError GraphReportChanged(string what) => new(nameof(GraphReportChanged), FtErrorKind.InvalidData, what,
        $"Microsoft Graph sent {what} again after the download was cut off, but not the same report (refreshed meanwhile?). Its first rows were read already, so the two are not mixed: measure again.");

    /// <summary>A page of a paged report links to its next page on another host: the bearer token never goes there.</summary>
    public static FtError GraphNextLinkForeign(string what, string host) => new(nameof(GraphNextLinkForeign), FtErrorKind.InvalidResult, what,
        $"A page of {what} links its next page to '{host}', not to the Microsoft Graph endpoint of the connection: it is not followed (the sign-in's token would go there). " +
        "If the connection uses -GraphEndpoint, check that it names the endpoint Graph answers from.");

    public static FtError ReportCacheNotWritable(string path, string why) => new(nameof(ReportCacheNotWritable), FtErrorKind.WriteError, path,
        $"A report could not be written to the workspace cache ('{path}'): {why}. Check the workspace's free space and permissions.");

    public static FtError GraphEmptyResponse(string what) => new(nameof(GraphEmptyResponse), FtErrorKind.InvalidData, what,
        $"Microsoft Graph returned no content for {what}.");

    public static FtError GraphSignInUnreachable(string what, string cause) => new(nameof(GraphSignInUnreachable), FtErrorKind.ConnectionError, what,
        $"Signing in to Microsoft Graph (to read {what}) failed: Entra ID could not be reached ({cause}). Check the network, proxy and firewall, and -Cloud.");

    public static FtError GraphSignInFailed(string what, string why) => new(nameof(GraphSignInFailed), FtErrorKind.AuthenticationError, what,
        $"Signing in to Microsoft Graph failed for {what}: {why}");

    public static FtError ConnectionNotFound(Guid tenantId, IReadOnlyList<TenantConnection> connected) => new(nameof(ConnectionNotFound), FtErrorKind.ObjectNotFound, tenantId,
        $"Tenant {tenantId} is not connected in this session (connected: {(connected.Count == 0 ? "none" : string.Join(", ", connected.Select(c => c.ToString())))}). Connect it with Connect-FtTenant.");

    public static FtError InvalidTenant(string? tenant) => new(nameof(InvalidTenant), FtErrorKind.InvalidArgument, tenant,
        $"'{tenant}' is not a tenant: give its tenant id (a GUID) or one of its domains, such as contoso.onmicrosoft.com.");

    public static FtError ConnectionParameterMissing(string parameter) => new(nameof(ConnectionParameterMissing), FtErrorKind.InvalidArgument, parameter,
        $"-{parameter} is required for this way of connecting.");

    public static FtError CertificateWithoutKey(string thumbprint) => new(nameof(CertificateWithoutKey), FtErrorKind.InvalidArgument, thumbprint,
        $"The certificate {thumbprint} has no private key, so it cannot sign in.");

    public static FtError CertificateNotFound(string thumbprint) => new(nameof(CertificateNotFound), FtErrorKind.ObjectNotFound, thumbprint,
        $"No certificate with a private key and thumbprint {thumbprint} is in the CurrentUser or LocalMachine 'My' store. Pass it with -Certificate instead.");

    public static FtError InteractionRequired() => new(nameof(InteractionRequired), FtErrorKind.InvalidOperation, "DeviceCode",
        "Signing in with a device code needs a person, but this session is non-interactive. For scheduled runs use -CertificateThumbprint, -ClientSecret or -ManagedIdentity.");

    public static FtError OrganizationMissing(string? tenant) => new(nameof(OrganizationMissing), FtErrorKind.InvalidData, tenant,
        "Microsoft Graph returned no organization for this sign-in.");

    public static FtError TenantMismatch(string? asked, Guid actual) => new(nameof(TenantMismatch), FtErrorKind.InvalidData, asked,
        $"The credential signs in to tenant {actual}, not {asked}.");

    // Azure.Identity's message repeats every retry's text; one sentence and the root cause say it all.
    private static FtError SignInFailed(Exception ex, string what)
    {
        var root = ex;
        while (root.InnerException is { } inner) root = inner;
        if (root is System.Net.Sockets.SocketException || root is HttpRequestException || ex.InnerException is HttpRequestException)
            return GraphSignInUnreachable(what, SecretText.Redact(root.Message));
        var first = ex.Message.Split(new[] { '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        var cause = root == ex ? "" : $" ({SecretText.Redact(root.Message.Split('\n')[0].Trim())})";
        return GraphSignInFailed(what, SecretText.Redact(first) + cause);
    }
}
