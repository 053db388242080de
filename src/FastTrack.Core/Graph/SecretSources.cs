using System;
using System.Security;

namespace FastTrack.Core.Graph;

/// <summary>Where a connection profile's client secret is read at run time. The host supplies the readers: the
/// process environment by default, and a SecretManagement vault only when the PowerShell layer finds the module
/// (the core knows no PowerShell). A reader returns null when the secret is not there.</summary>
public sealed class SecretSources
{
    public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>(vault or null for the default vault, secret name) → the secret; null when SecretManagement is not
    /// available in the session.</summary>
    public Func<string?, string, SecureString?>? Vault { get; set; }
}
