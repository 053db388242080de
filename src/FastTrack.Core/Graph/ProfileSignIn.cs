using System;
using System.Security;

using FastTrack.Core.Connections;

namespace FastTrack.Core.Graph;

/// <summary>Turns a plan's connection profile into a sign-in request for its tenant, reading the client secret
/// where the profile says, at the last moment. Runs on the caller's thread: a vault reader may need the
/// PowerShell pipeline thread. The secret goes straight into the request's SecureString.</summary>
public static class ProfileSignIn
{
    public static ConnectionRequest Request(ConnectionProfile profile, Guid tenantId, SecretSources secrets)
    {
        if (profile.Problem() is { } problem) throw ConnectionProfileErrors.ProfileInvalid(tenantId, problem).ToException();
        return new ConnectionRequest
        {
            Method = profile.Method,
            Tenant = tenantId.ToString(),
            ClientId = profile.Method == ConnectionMethod.ManagedIdentity ? null : profile.ClientId,
            CertificateThumbprint = profile.CertificateThumbprint,
            KeyVaultCertificate = profile.KeyVaultCertificate,
            ManagedIdentityClientId = profile.ManagedIdentityClientId,
            ClientSecret = profile.Method == ConnectionMethod.ClientSecret ? Secret(profile, tenantId.ToString(), secrets) : null,
            Cloud = profile.Cloud,
            GraphEndpoint = profile.GraphEndpoint,
            NonInteractive = true,
        };
    }

    /// <summary>The client secret from the profile's environment variable or vault; its absence names the place.</summary>
    /// <param name="tenant">The tenant's id or domain, for the message.</param>
    public static SecureString Secret(ConnectionProfile profile, string tenant, SecretSources secrets)
    {
        if (profile.SecretVariable is { } variable)
        {
            var value = secrets.Environment(variable);
            return string.IsNullOrEmpty(value) ? throw ConnectionProfileErrors.SecretVariableNotSet(variable, tenant).ToException() : Secure(value!);
        }
        var name = profile.SecretName!;
        var vault = profile.SecretVault ?? "(default vault)";
        if (secrets.Vault is null) throw ConnectionProfileErrors.SecretManagementUnavailable(vault, name, tenant).ToException();
        var secret = secrets.Vault(profile.SecretVault, name);
        return secret is null || secret.Length == 0 ? throw ConnectionProfileErrors.VaultSecretNotFound(vault, name, tenant).ToException() : secret;
    }

    private static SecureString Secure(string value)
    {
        var secure = new SecureString();
        foreach (var c in value) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
