using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using Azure.Core;
using Azure.Identity;
using Newtonsoft.Json.Linq;

using FastTrack.Core.Connections;

namespace FastTrack.Core.Graph;

/// <summary>A certificate kept in Azure Key Vault, downloaded at sign-in with its private key: the partner's
/// multi-tenant app certificate stays in the vault, and the runner's managed identity (or Azure CLI at a desk, through
/// DefaultAzureCredential) reads it. Key Vault keeps a certificate's key in the secret of the same name (GET
/// /secrets/{name}/{version}, REST API 7.4), a PKCS #12 file in base64. Nothing is written to disk or a store.</summary>
internal static class KeyVaultCertificate
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    // A portfolio's tenants share one app certificate: it is downloaded once per ten minutes, not once per tenant, and
    // each identity keeps one credential (and so its token) for the process.
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);
    private static readonly ConcurrentDictionary<string, (X509Certificate2 Certificate, DateTimeOffset Until)> Downloaded = new();
    private static readonly ConcurrentDictionary<string, TokenCredential> Credentials = new();

    public static X509Certificate2 Download(string certificate, string? managedIdentityClientId, CancellationToken cancellationToken)
    {
        var key = certificate + "|" + managedIdentityClientId;
        if (Downloaded.TryGetValue(key, out var kept) && kept.Until > DateTimeOffset.UtcNow) return kept.Certificate;
        var credential = Credentials.GetOrAdd(managedIdentityClientId ?? "", id =>
            new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = id.Length == 0 ? null : id }));
        var fresh = Download(new Uri(certificate), credential, cancellationToken);
        Downloaded[key] = (fresh, DateTimeOffset.UtcNow + KeepFor);
        return fresh;
    }

    public static X509Certificate2 Download(Uri certificate, TokenCredential credential, CancellationToken cancellationToken)
    {
        var text = certificate.ToString();
        var segments = certificate.AbsolutePath.Trim('/').Split('/');
        var secret = new Uri(certificate, $"/secrets/{segments[1]}/{(segments.Length > 2 ? segments[2] : "")}?api-version=7.4");
        using var request = new HttpRequestMessage(HttpMethod.Get, secret);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(certificate, credential, cancellationToken));
        string body;
        HttpStatusCode status;
        try
        {
            using var response = Http.SendAsync(request, cancellationToken).GetAwaiter().GetResult();
            status = response.StatusCode;
            body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw ConnectionProfileErrors.KeyVaultUnreachable(text, ex.GetType().Name).ToException();
        }
        return status switch
        {
            HttpStatusCode.OK => Certificate(text, body),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => throw ConnectionProfileErrors.KeyVaultCertificateDenied(text, (int)status).ToException(),
            HttpStatusCode.NotFound => throw ConnectionProfileErrors.KeyVaultCertificateNotFound(text).ToException(),
            _ => throw ConnectionProfileErrors.KeyVaultCertificateUnreadable(text, $"Key Vault answered {(int)status}").ToException(),
        };
    }

    // The vault's own audience: vault.azure.net, vault.usgovcloudapi.net or vault.azure.cn, from the vault's host name
    // (a loopback vault in the tests is asked for the global one).
    private static string Token(Uri certificate, TokenCredential credential, CancellationToken cancellationToken)
    {
        var host = certificate.Host;
        var dot = host.IndexOf(".vault.", StringComparison.OrdinalIgnoreCase);
        var scope = "https://" + (dot > 0 ? host.Substring(dot + 1) : "vault.azure.net") + "/.default";
        try
        {
            return credential.GetToken(new TokenRequestContext(new[] { scope }), cancellationToken).Token;
        }
        catch (Exception ex) when (ex is AuthenticationFailedException || ex is CredentialUnavailableException)
        {
            throw ConnectionProfileErrors.KeyVaultSignInFailed(certificate.ToString()).ToException();
        }
    }

    private static X509Certificate2 Certificate(string certificate, string body)
    {
        var json = JObject.Parse(body);
        var contentType = (string?)json["contentType"];
        if (contentType is not null && !contentType.Equals("application/x-pkcs12", StringComparison.OrdinalIgnoreCase))
            throw ConnectionProfileErrors.KeyVaultCertificateUnreadable(certificate, $"its content type is {contentType}; create it with the content type PKCS #12 (application/x-pkcs12)").ToException();
        try
        {
            var pfx = Convert.FromBase64String((string?)json["value"] ?? "");
            // Default storage: in memory on Linux and macOS; on Windows a temporary key of the user, removed with the object.
            var loaded = new X509Certificate2(pfx, (string?)null, X509KeyStorageFlags.DefaultKeySet);
            return loaded.HasPrivateKey ? loaded : throw ConnectionProfileErrors.KeyVaultCertificateUnreadable(certificate, "it has no private key (is it exportable?)").ToException();
        }
        catch (Exception ex) when (ex is FormatException || ex is CryptographicException)
        {
            throw ConnectionProfileErrors.KeyVaultCertificateUnreadable(certificate, "its secret is not a PKCS #12 file").ToException();
        }
    }
}
