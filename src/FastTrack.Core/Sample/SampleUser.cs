using System;
using System.Security.Cryptography;
using System.Text;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Sample;

/// <summary>One synthetic user, computed from its index: name, licence (Microsoft 365 E3 for nine in ten,
/// F3 for frontline workers, who have no Microsoft 365 Apps; a Microsoft 365 Copilot licence for one in ten of the
/// others) and, for one in a hundred extra users,
/// deletion.</summary>
internal readonly struct SampleUser
{
    private static readonly string[] FirstNames = { "Avery", "Jordan", "Riley", "Casey", "Morgan", "Taylor", "Quinn", "Alex", "Jamie", "Drew", "Sam", "Robin", "Noor", "Lucia", "Mateo", "Aiko", "Priya", "Lars", "Chen", "Amara" };
    private static readonly string[] LastNames = { "Smith", "Garcia", "Lee", "Patel", "Kim", "Novak", "Silva", "Okafor", "Muller", "Rossi", "Ivanova", "Haddad", "Tanaka", "Nguyen", "Brown", "Lopez", "Cohen", "Jensen", "Ali", "Dubois" };

    public SampleUser(SampleTenantOptions options, int index)
    {
        Index = index;
        var first = FirstNames[index % FirstNames.Length];
        var last = LastNames[index / FirstNames.Length % LastNames.Length];
        DisplayName = $"{first} {last} {index:D6}";
        UserPrincipalName = $"{first}.{last}.{index:D6}@{options.Domain}".ToLowerInvariant();
        IsDeleted = index >= options.Users;
        IsFrontline = !IsDeleted && index % 10 == 9;
    }

    public int Index { get; }
    public string DisplayName { get; }
    public string UserPrincipalName { get; }
    public bool IsDeleted { get; }
    public bool IsFrontline { get; }

    /// <summary>Microsoft 365 Copilot: one office worker in ten (index ending in 3), 300 of Contoso's 3,000.</summary>
    public bool IsLicensed(M365Service service) => service == M365Service.Microsoft365Copilot
        ? !IsDeleted && !IsFrontline && Index % 10 == 3
        : !IsDeleted && !(IsFrontline && service == M365Service.Microsoft365Apps);

    public string AssignedProducts => IsDeleted ? "" : IsFrontline ? "MICROSOFT 365 F3" : Index % 7 == 0 ? "MICROSOFT 365 E3+MICROSOFT POWER AUTOMATE FREE" : "MICROSOFT 365 E3";

    public Guid UserId(int seed) => new(Bytes(seed));

    /// <summary>What Graph shows when the tenant conceals names: 32 uppercase hex digits.</summary>
    public static string Conceal(string text)
    {
        using var md5 = MD5.Create();
        var hash = md5.ComputeHash(Encoding.UTF8.GetBytes(text));
        var builder = new StringBuilder(32);
        foreach (var b in hash) builder.Append(b.ToString("X2"));
        return builder.ToString();
    }

    private byte[] Bytes(int seed)
    {
        var bytes = new byte[16];
        BitConverter.GetBytes(SampleRandom.Hash(seed, Index, 77)).CopyTo(bytes, 0);
        BitConverter.GetBytes(SampleRandom.Hash(seed, Index, 78)).CopyTo(bytes, 8);
        return bytes;
    }
}
