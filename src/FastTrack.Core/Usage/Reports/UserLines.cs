using System;
using System.Collections.Generic;

namespace FastTrack.Core.Usage.Reports;

/// <summary>The line of each user's row in one report, so that a user listed twice is refused rather than
/// counted twice. Keys are 64-bit hashes of the upper-cased name (user principal names compare without case),
/// not the names: a million users cost about 25 MB instead of 100. Two different names with the same hash
/// (odds about 1 in 30 million for a million users) would refuse a good report; never miscount one.</summary>
internal sealed class UserLines
{
    private readonly Dictionary<ulong, long> _lines = new();

    /// <summary>Remembers the user's line; returns the line of an earlier row of the same user (and
    /// qualifier, such as the activations report's product), or null.</summary>
    public long? Add(ReadOnlySpan<char> user, string? qualifier, long line)
    {
        var hash = Fnv(Fnv(Offset, user), qualifier.AsSpan());
        if (_lines.TryGetValue(hash, out var earlier)) return earlier;
        _lines[hash] = line;
        return null;
    }

    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    // FNV-1a over both bytes of each upper-cased char; ASCII, nearly every UPN, skips the culture tables.
    private static ulong Fnv(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            var upper = c < 128 ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c) : char.ToUpperInvariant(c);
            hash = (hash ^ (byte)upper) * Prime;
            hash = (hash ^ (byte)(upper >> 8)) * Prime;
        }
        return (hash ^ 0xFF) * Prime; // ends the part: ("ab", "c") and ("a", "bc") differ
    }
}
