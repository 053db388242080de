using System;
using System.Security.Cryptography;
using System.Text;

namespace FastTrack.Core.Stores;

/// <summary>The parts of an Azure Storage connection string the module uses: the account, and its key or SAS.
/// Never written anywhere; <see cref="Fingerprint"/> tells two strings apart without holding either.</summary>
internal sealed class ConnectionString
{
    private ConnectionString(string accountName, string? accountKey, string? sas, string fingerprint)
    {
        AccountName = accountName;
        AccountKey = accountKey;
        SharedAccessSignature = sas;
        Fingerprint = fingerprint;
    }

    public string AccountName { get; }
    public string? AccountKey { get; }
    public string? SharedAccessSignature { get; }
    public string Fingerprint { get; }

    /// <summary>Null when the string is empty or names no account with a key or SAS.</summary>
    public static ConnectionString? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string? account = null, key = null, sas = null;
        foreach (var part in text!.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0) continue;
            var value = part.Substring(equals + 1).Trim();
            switch (part.Substring(0, equals).Trim().ToLowerInvariant())
            {
                case "accountname": account = value; break;
                case "accountkey": key = value; break;
                case "sharedaccesssignature": sas = value; break;
            }
        }
        if (account is null || (key is null && sas is null)) return null;
        using var sha = SHA256.Create();
        var fingerprint = Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text)), 0, 12);
        return new ConnectionString(account, key, sas, fingerprint);
    }
}
