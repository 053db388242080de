using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FastTrack.GraphEmulator;

/// <summary>Azure Key Vault's secret of a certificate (GET /secrets/{name}/{version}?api-version=7.4): the PKCS #12 file,
/// base64, of one self-signed certificate with its private key, made when the emulator starts. Served to the bearer of
/// the identity token only, as a vault serves the identity granted Key Vault Secrets User.</summary>
public sealed partial class GraphEmulator
{
    public const string VaultCertificateName = "fasttrack-app";

    private readonly Lazy<X509Certificate2> _vaultCertificate = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=FastTrack emulator app", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    });

    /// <summary>The thumbprint of the certificate the vault serves.</summary>
    public string VaultCertificateThumbprint => _vaultCertificate.Value.Thumbprint;

    private async Task<int> HandleVault(HttpListenerContext context, string path)
    {
        var auth = context.Request.Headers["Authorization"];
        if (auth != "Bearer " + IdentityToken)
            return await Answers.Error(context.Response, auth is null ? 401 : 403, "Forbidden", "The caller is not allowed to get secrets.").ConfigureAwait(false);
        var name = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1);
        if (!string.Equals(name, VaultCertificateName, StringComparison.OrdinalIgnoreCase))
            return await Answers.Error(context.Response, 404, "SecretNotFound", "A secret with this name was not found.").ConfigureAwait(false);
        var pfx = Convert.ToBase64String(_vaultCertificate.Value.Export(X509ContentType.Pkcs12));
        return await Answers.Json(context.Response, $$"""{"value":"{{pfx}}","contentType":"application/x-pkcs12","id":"{{BaseAddress}}secrets/{{name}}/1","kid":"{{BaseAddress}}keys/{{name}}/1","managed":true}""").ConfigureAwait(false);
    }
}
