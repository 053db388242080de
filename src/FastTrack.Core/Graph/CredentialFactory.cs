using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;

using FastTrack.Core.Connections;

namespace FastTrack.Core.Graph;

/// <summary>Builds the Azure.Identity credential for a connection request. Secrets leave their
/// SecureString only here, straight into the credential.</summary>
internal static class CredentialFactory
{
    public static TokenCredential Create(ConnectionRequest request, System.Threading.CancellationToken cancellationToken = default)
    {
        var authority = GraphClouds.Authority(request.Cloud);
        switch (request.Method)
        {
            case ConnectionMethod.Certificate:
                return new ClientCertificateCredential(Tenant(request), Require(request.ClientId, "ClientId"), Certificate(request, cancellationToken),
                    Quick(new ClientCertificateCredentialOptions { AuthorityHost = authority }));
            case ConnectionMethod.ClientSecret:
                return new ClientSecretCredential(Tenant(request), Require(request.ClientId, "ClientId"), Reveal(request.ClientSecret, "ClientSecret"),
                    Quick(new ClientSecretCredentialOptions { AuthorityHost = authority }));
            case ConnectionMethod.DeviceCode:
                if (request.NonInteractive)
                {
                    throw GraphErrors.InteractionRequired().ToException();
                }
                return new DeviceCodeCredential(Quick(new DeviceCodeCredentialOptions
                {
                    TenantId = request.Tenant is null ? null : Tenant(request),
                    ClientId = Require(request.ClientId, "ClientId"),
                    AuthorityHost = authority,
                    DeviceCodeCallback = (info, _) =>
                    {
                        request.DeviceCodePrompt?.Invoke(info.Message);
                        return Task.CompletedTask;
                    },
                }));
            case ConnectionMethod.ManagedIdentity:
                return new ManagedIdentityCredential(Quick(new ManagedIdentityCredentialOptions(request.ManagedIdentityClientId is { } id
                    ? ManagedIdentityId.FromUserAssignedClientId(id)
                    : ManagedIdentityId.SystemAssigned)));
            case ConnectionMethod.AccessToken:
                return new StaticTokenCredential(Reveal(request.AccessToken, "AccessToken"));
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Method, null);
        }
    }

    /// <summary>The scopes to ask for: app-only and managed identities get the app's consented
    /// permissions (.default); a person signs in for the two the module needs.</summary>
    public static string[] Scopes(ConnectionRequest request)
    {
        var resource = GraphClouds.GraphEndpoint(request.Cloud).ToString();
        return request.Method == ConnectionMethod.DeviceCode
            ? new[] { resource + "Reports.Read.All", resource + "Organization.Read.All" }
            : new[] { resource + ".default" };
    }

    // One retry, half a second apart, 20 s per try: a sign-in that cannot reach Entra ID says so in a
    // second or two instead of Azure.Identity's default four tries over ten seconds.
    private static T Quick<T>(T options) where T : TokenCredentialOptions
    {
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(20);
        return options;
    }

    /// <summary>A tenant id (GUID) or one of its domains: anything else is refused before a sign-in is tried.</summary>
    private static string Tenant(ConnectionRequest request)
    {
        var tenant = Require(request.Tenant, "TenantId").Trim();
        if (Guid.TryParse(tenant, out _) || System.Text.RegularExpressions.Regex.IsMatch(tenant, @"^(?=.{3,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"))
            return tenant;
        throw GraphErrors.InvalidTenant(request.Tenant).ToException();
    }

    private static X509Certificate2 Certificate(ConnectionRequest request, System.Threading.CancellationToken cancellationToken)
    {
        if (request.KeyVaultCertificate is { } vaulted) return KeyVaultCertificate.Download(vaulted, request.ManagedIdentityClientId, cancellationToken);
        if (request.Certificate is { } given)
        {
            if (!given.HasPrivateKey)
                throw GraphErrors.CertificateWithoutKey(given.Thumbprint).ToException();
            return given;
        }
        var thumbprint = Require(request.CertificateThumbprint, "CertificateThumbprint").Replace(" ", "");
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            try { store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly); }
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException || ex is PlatformNotSupportedException) { continue; }
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            if (found.Count > 0 && found[0].HasPrivateKey) return found[0];
        }
        throw GraphErrors.CertificateNotFound(thumbprint).ToException();
    }

    private static string Require(string? value, string parameter) =>
        string.IsNullOrWhiteSpace(value)
            ? throw GraphErrors.ConnectionParameterMissing(parameter).ToException()
            : value!;

    private static string Reveal(SecureString? secret, string parameter)
    {
        if (secret is null || secret.Length == 0)
            throw GraphErrors.ConnectionParameterMissing(parameter).ToException();
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
        try { return Marshal.PtrToStringUni(pointer)!; }
        finally { Marshal.ZeroFreeGlobalAllocUnicode(pointer); }
    }
}
