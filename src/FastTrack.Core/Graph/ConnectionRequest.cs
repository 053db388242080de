using System;
using System.Security;
using System.Security.Cryptography.X509Certificates;

using FastTrack.Core.Connections;

namespace FastTrack.Core.Graph;

/// <summary>What Connect-FtTenant was given. Secrets stay in SecureStrings until the credential is built
/// and are never copied into the connection, a message or a file.</summary>
public sealed class ConnectionRequest
{
    public ConnectionMethod Method { get; set; }
    /// <summary>The tenant id or one of its domains (contoso.onmicrosoft.com).</summary>
    public string? Tenant { get; set; }
    public string? ClientId { get; set; }
    public X509Certificate2? Certificate { get; set; }
    public string? CertificateThumbprint { get; set; }
    /// <summary>A Key Vault certificate URI, downloaded at sign-in (a connection profile's KeyVaultCertificate).</summary>
    public string? KeyVaultCertificate { get; set; }
    public SecureString? ClientSecret { get; set; }
    public SecureString? AccessToken { get; set; }
    /// <summary>A user-assigned managed identity's client id; null for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }
    public GraphCloud Cloud { get; set; } = GraphCloud.Global;
    /// <summary>Overrides the cloud's Graph endpoint (a proxy, or the tests' emulator).</summary>
    public Uri? GraphEndpoint { get; set; }
    /// <summary>No prompt may appear: device code is refused rather than waiting for a person.</summary>
    public bool NonInteractive { get; set; }
    /// <summary>Shows the device-code message to the person (the cmdlet writes it as a warning).</summary>
    public Action<string>? DeviceCodePrompt { get; set; }

    public Uri Endpoint => GraphEndpoint ?? GraphClouds.GraphEndpoint(Cloud);
}
