namespace FastTrack.Core.Connections;

/// <summary>How a connection gets its tokens.</summary>
public enum ConnectionMethod
{
    /// <summary>App-only, with a certificate (from the store by thumbprint, or given).</summary>
    Certificate,
    /// <summary>App-only, with a client secret.</summary>
    ClientSecret,
    /// <summary>Delegated, signing in on another device with a code (interactive).</summary>
    DeviceCode,
    /// <summary>The managed identity of an Azure Automation account, Function or VM.</summary>
    ManagedIdentity,
    /// <summary>An access token obtained elsewhere; it cannot be refreshed.</summary>
    AccessToken,
    /// <summary>The bundled sample tenant, offline.</summary>
    Sample,
}
