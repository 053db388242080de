using System;
using FastTrack.Core.Errors;

namespace FastTrack.Core.Connections;

/// <summary>The errors of a plan's connection profile: saving one, and signing in from it unattended. Each names
/// the variable, vault or setting to fix, never a secret's value.</summary>
public static class ConnectionProfileErrors
{
    public static FtError ProfileInvalid(object? tenant, string why) => new(nameof(ProfileInvalid), FtErrorKind.InvalidArgument, tenant,
        $"The connection profile of tenant {tenant} cannot be used: {why}.");

    public static FtError ProfileNotUnattended(string method) => new(nameof(ProfileNotUnattended), FtErrorKind.InvalidOperation, method,
        $"A {method} connection cannot be saved for unattended runs: it needs a person or a token that expires. " +
        "Save a certificate (-CertificateThumbprint), a client secret read at run time (-SecretVariable or -SecretName) or a managed identity (-ManagedIdentity).");

    public static FtError ProfileSecretSourceMissing() => new(nameof(ProfileSecretSourceMissing), FtErrorKind.InvalidArgument, "ClientSecret",
        "A client secret is never saved in the plan: say where the nightly run reads it, with -SecretVariable (an environment variable's name) " +
        "or -SecretName (and -SecretVault, a SecretManagement vault).");

    public static FtError SecretVariableNotSet(string variable, string tenant) => new(nameof(SecretVariableNotSet), FtErrorKind.ObjectNotFound, variable,
        $"The connection profile of tenant {tenant} reads its client secret from the environment variable '{variable}', which is not set in this session; " +
        "its plan was not run. Set it (Azure Automation: an encrypted variable read into it by the runbook; Azure Functions: an application setting, " +
        "best a Key Vault reference) or save another profile.");

    public static FtError VaultSecretNotFound(string vault, string name, string tenant) => new(nameof(VaultSecretNotFound), FtErrorKind.ObjectNotFound, name,
        $"The connection profile of tenant {tenant} reads its client secret from the secret '{name}' of the SecretManagement vault '{vault}', " +
        "which has no such secret (or the vault is not registered or is locked); its plan was not run. Check Get-SecretInfo -Vault and Unlock-SecretVault.");

    public static FtError SecretManagementUnavailable(string vault, string name, string tenant) => new(nameof(SecretManagementUnavailable), FtErrorKind.ResourceUnavailable, vault,
        $"The connection profile of tenant {tenant} reads its client secret from the secret '{name}' of the SecretManagement vault '{vault}', " +
        "but the module Microsoft.PowerShell.SecretManagement is not available in this session; its plan was not run. " +
        "Install it (Install-PSResource Microsoft.PowerShell.SecretManagement) and register the vault, or save the profile with -SecretVariable.");

    public static FtError ProfileSignInFailed(string customer, Guid tenant, FtError cause) => new(nameof(ProfileSignInFailed), cause.Kind, tenant,
        $"{customer} ({tenant}) could not sign in from its connection profile, so its plan was not run: {cause}");

    public static FtError KeyVaultSignInFailed(string certificate) => new(nameof(KeyVaultSignInFailed), FtErrorKind.AuthenticationError, certificate,
        $"No identity could get a token for Key Vault to read the certificate '{certificate}'. In Azure, give the runbook or function app a " +
        "managed identity; at a desk, sign in with Azure CLI (az login). A user-assigned identity is named by the profile's ManagedIdentityClientId.");

    public static FtError KeyVaultCertificateDenied(string certificate, int status) => new(nameof(KeyVaultCertificateDenied), FtErrorKind.PermissionDenied, certificate,
        $"Key Vault refused to give the certificate '{certificate}' ({status}). Grant the identity that runs the plans the role " +
        "Key Vault Secrets User on the vault (or, with access policies, Get on secrets): a certificate's private key is read as its secret.");

    public static FtError KeyVaultCertificateNotFound(string certificate) => new(nameof(KeyVaultCertificateNotFound), FtErrorKind.ObjectNotFound, certificate,
        $"Key Vault has no certificate '{certificate}' (or no such version). Check the name in the vault and the profile's KeyVaultCertificate.");

    public static FtError KeyVaultCertificateUnreadable(string certificate, string why) => new(nameof(KeyVaultCertificateUnreadable), FtErrorKind.InvalidData, certificate,
        $"The Key Vault certificate '{certificate}' cannot sign in: {why}.");

    public static FtError KeyVaultUnreachable(string certificate, string cause) => new(nameof(KeyVaultUnreachable), FtErrorKind.ConnectionError, certificate,
        $"Key Vault could not be reached to read the certificate '{certificate}' ({cause}). Check the network, proxy and firewall of the vault.");
}
