using System;
using System.Collections.Generic;

namespace FastTrack.Core.Connections;

/// <summary>How a plan's tenant signs in when nobody is there (the nightly run): the app and its certificate, a
/// managed identity, or a client secret read at run time. It holds no secret and no token, ever: for a client
/// secret only where to read it (an environment variable, or a SecretManagement vault and secret name).
/// Saved in the plan by Connect-FtTenant -Save or Set-FtCustomerPlan -ConnectionProfile.</summary>
public sealed class ConnectionProfile
{
    /// <summary>Certificate, ClientSecret or ManagedIdentity: the ways that need no person.</summary>
    public ConnectionMethod Method { get; set; } = ConnectionMethod.Certificate;
    /// <summary>The (multi-tenant) app registration's client id; for Certificate and ClientSecret.</summary>
    public string? ClientId { get; set; }
    /// <summary>A certificate with its private key in the CurrentUser or LocalMachine 'My' store.</summary>
    public string? CertificateThumbprint { get; set; }
    /// <summary>A Key Vault certificate (https://vault.vault.azure.net/certificates/name[/version]), downloaded with its
    /// private key at sign-in by the identity that runs the plans (DefaultAzureCredential: a managed identity in Azure,
    /// the user-assigned one of <see cref="ManagedIdentityClientId"/> when given).</summary>
    public string? KeyVaultCertificate { get; set; }
    /// <summary>A user-assigned managed identity's client id (the one that signs in, or reads the Key Vault
    /// certificate); null for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }
    /// <summary>The environment variable that holds the client secret at run time (its name, never its value).</summary>
    public string? SecretVariable { get; set; }
    /// <summary>The SecretManagement vault of <see cref="SecretName"/>; null for the default vault.</summary>
    public string? SecretVault { get; set; }
    /// <summary>The SecretManagement secret that holds the client secret at run time.</summary>
    public string? SecretName { get; set; }
    public GraphCloud Cloud { get; set; } = GraphCloud.Global;
    /// <summary>Another Graph endpoint than the cloud's (a proxy; the tests' emulator).</summary>
    public Uri? GraphEndpoint { get; set; }

    /// <summary>What is wrong with the profile, or null when a sign-in can be tried from it.</summary>
    public string? Problem()
    {
        switch (Method)
        {
            case ConnectionMethod.Certificate:
                if (Blank(ClientId)) return "a certificate sign-in needs the app's ClientId";
                if (Blank(CertificateThumbprint) == Blank(KeyVaultCertificate)) return "a certificate sign-in needs one of CertificateThumbprint and KeyVaultCertificate";
                if (!Blank(KeyVaultCertificate) && !IsKeyVaultCertificate(KeyVaultCertificate!)) return $"KeyVaultCertificate '{KeyVaultCertificate}' is not a Key Vault certificate URI (https://<vault>.vault.azure.net/certificates/<name>)";
                return SecretsGiven ? "a certificate sign-in reads no client secret: leave SecretVariable, SecretVault and SecretName out" : null;
            case ConnectionMethod.ClientSecret:
                if (Blank(ClientId)) return "a client-secret sign-in needs the app's ClientId";
                if (Blank(SecretVariable) == Blank(SecretName)) return "a client-secret sign-in reads its secret at run time from one place: SecretVariable (an environment variable) or SecretName (with SecretVault, a SecretManagement vault)";
                return !Blank(SecretVault) && Blank(SecretName) ? "SecretVault needs SecretName" : null;
            case ConnectionMethod.ManagedIdentity:
                return SecretsGiven || !Blank(CertificateThumbprint) || !Blank(KeyVaultCertificate) || !Blank(ClientId) ? "a managed identity signs in without an app, certificate or secret: leave them out (a user-assigned identity is ManagedIdentityClientId)" : null;
            default:
                return $"{Method} needs a person or a token and cannot sign in unattended: use Certificate, ClientSecret or ManagedIdentity";
        }
    }

    private bool SecretsGiven => !Blank(SecretVariable) || !Blank(SecretVault) || !Blank(SecretName);

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    // https, or http to a loopback vault (the tests' emulator), as /certificates/name[/version].
    private static bool IsKeyVaultCertificate(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
        && uri.AbsolutePath.StartsWith("/certificates/", StringComparison.OrdinalIgnoreCase) && uri.Segments.Length is 3 or 4;

    /// <summary>One line for a view or a CSV: how it signs in and where, never where a secret's value could be.</summary>
    public override string ToString()
    {
        var parts = new List<string> { Method.ToString() };
        if (ClientId is not null) parts.Add("app " + ClientId);
        if (CertificateThumbprint is not null) parts.Add("thumbprint " + CertificateThumbprint);
        if (KeyVaultCertificate is not null) parts.Add(KeyVaultCertificate);
        if (ManagedIdentityClientId is not null) parts.Add("identity " + ManagedIdentityClientId);
        if (SecretVariable is not null) parts.Add("secret from $env:" + SecretVariable);
        if (SecretName is not null) parts.Add($"secret {SecretName} from vault {SecretVault ?? "(default)"}");
        parts.Add(GraphEndpoint is null ? Cloud.ToString() : GraphEndpoint.GetLeftPart(UriPartial.Authority));
        return string.Join(", ", parts);
    }
}
