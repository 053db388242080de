using System.Management.Automation;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>The identity a user object from another module carries, under the names those modules use:
/// Get-EXOMailbox and Get-User (UserPrincipalName, PrimarySmtpAddress, WindowsLiveID), Get-TeamUser (User),
/// Get-MgUser (UserPrincipalName, Mail), HR exports (UPN). A plain string is a UPN.</summary>
internal static class UserIdentity
{
    private static readonly string[] Names = { "UserPrincipalName", "UPN", "WindowsLiveID", "User", "PrimarySmtpAddress", "Mail" };

    public static string? Of(PSObject input)
    {
        if (input.BaseObject is string text) return text.Trim();
        foreach (var name in Names)
        {
            if (input.Properties[name]?.Value is { } value && value.ToString() is { Length: > 0 } identity) return identity.Trim();
        }
        return null;
    }

    /// <summary>The -GroupBy property's value, or null when the object has none.</summary>
    public static string? Group(PSObject input, string? property) =>
        property is null ? null : input.Properties[property]?.Value?.ToString();
}
