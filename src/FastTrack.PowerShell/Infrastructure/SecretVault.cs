using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using FastTrack.Core.Graph;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>Reads a connection profile's client secret where the profile says: the environment, or a SecretManagement
/// vault through Get-Secret in this runspace (on the pipeline thread), only when the module
/// Microsoft.PowerShell.SecretManagement is available in the session. The core gets a delegate and never knows PowerShell.</summary>
internal static class SecretVault
{
    private const string GetSecret = "Microsoft.PowerShell.SecretManagement\\Get-Secret";

    /// <param name="vaultNeeded">Looks for the module only when a profile reads from a vault (the look-up can load it).</param>
    public static SecretSources Sources(PSCmdlet cmdlet, bool vaultNeeded) => new()
    {
        Vault = vaultNeeded && Available(cmdlet) ? (vault, name) => Read(cmdlet, vault, name) : null,
    };

    private static bool Available(PSCmdlet cmdlet)
    {
        try
        {
            return cmdlet.InvokeCommand.GetCommand(GetSecret, CommandTypes.Cmdlet | CommandTypes.Function) is not null;
        }
        catch (RuntimeException)
        {
            return false;
        }
    }

    // Get-Secret's own error (no such secret, vault locked) is not passed on: the core says which secret of which
    // vault was missing. Its output is a SecureString for a text secret; a credential gives its password.
    private static SecureString? Read(PSCmdlet cmdlet, string? vault, string name)
    {
        try
        {
            var found = cmdlet.InvokeCommand.InvokeScript(
                "param($Name, $Vault) if ($Vault) { " + GetSecret + " -Name $Name -Vault $Vault -ErrorAction Stop } else { " + GetSecret + " -Name $Name -ErrorAction Stop }",
                name, vault ?? "").FirstOrDefault()?.BaseObject;
            return found switch
            {
                SecureString secure => secure,
                PSCredential credential => credential.Password,
                string text => Secure(text),
                _ => null,
            };
        }
        catch (RuntimeException)
        {
            return null;
        }
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}
