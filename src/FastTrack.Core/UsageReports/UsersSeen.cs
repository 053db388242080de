using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastTrack.Core.UsageReports;

/// <summary>The users of one report, to refuse one listed twice rather than count them twice, or to count
/// distinct users. What a million-user report affords on the scan's hot path: a 64-bit hash of the upper-cased
/// name (user principal names compare without case) appended to an array; repeats are looked for once the
/// report is read. A hash table probed per row missed the cache on every row: with a Dictionary, the seven
/// reports of a million users took 3.1 s instead of 0.9 and 328 MB instead of 57 (its arrays grew in the
/// large-object heap); this way 1.2 s and 117 MB (bench/README.md). One measurement reuses the arrays report
/// after report. Two different names with the same hash (odds about 1 in 30 million for a million users)
/// would refuse a good report, never miscount one.</summary>
internal sealed class UsersSeen
{
    // Every array comes from the shared pools and goes back to them (Release): a measurement's tables are large
    // objects, and made anew by every measurement they made the collector go through the whole heap once or twice a
    // measurement (bench/README.md, issue 18).
    private ulong[] _hashes = Array.Empty<ulong>();
    private int[] _rows = Array.Empty<int>();
    private ulong[] _scratch = Array.Empty<ulong>();
    private ulong[] _table = Array.Empty<ulong>();
    private int _count;

    /// <summary>Room for this many users, the ones held kept.</summary>
    public void Reserve(int users)
    {
        if (_hashes.Length >= users) return;
        _hashes = Grown(_hashes, users, _count);
        _rows = Grown(_rows, users, _count);
    }

    /// <summary>Gives the arrays back to the pools: the table is empty, and grows again from the pools if used.</summary>
    public void Release()
    {
        _count = 0;
        _partitionedCount = -1;
        Return(ref _hashes);
        Return(ref _rows);
        Return(ref _scratch);
        Return(ref _table);
    }

    private static T[] Grown<T>(T[] array, int length, int kept)
    {
        var grown = ArrayPool<T>.Shared.Rent(length);
        Array.Copy(array, grown, kept);
        if (array.Length > 0) ArrayPool<T>.Shared.Return(array);
        return grown;
    }

    private static void Return<T>(ref T[] array)
    {
        if (array.Length > 0) ArrayPool<T>.Shared.Return(array);
        array = Array.Empty<T>();
    }

    /// <summary>The users added, a user added twice counted twice.</summary>
    public int Count => _count;

    /// <summary>Forgets the users of the previous report, keeping the arrays.</summary>
    public void Clear()
    {
        _count = 0;
        _partitionedCount = -1;
    }

    [MethodImpl(HotPath.Optimized)]
    public void Add(ulong hash, long row)
    {
        if (_count == _hashes.Length) Reserve(Math.Max(1 << 10, _count * 2));
        _hashes[_count] = hash;
        _rows[_count] = (int)Math.Min(row, int.MaxValue);
        _count++;
    }

    /// <summary>The groups the hashes are searched in, by their top bits: a group's table (some thousand slots at a
    /// million users) stays in the first-level cache.</summary>
    private const int GroupBits = 10;
    private int[]? _groupStarts;        // where each group's hashes start in _scratch, once partitioned
    private int _partitionedCount = -1; // the users partitioned; another count (a user added since) and the order is stale

    /// <summary>Puts a copy of the hashes in order of their group, for the search for repeats. A report read in parts
    /// has each part do it as it ends, on its own thread, so that putting the parts together at the report's end is
    /// a single pass (done there, a million users took the last reader 12–18 ms alone while the other waited:
    /// bench/README.md, issue 18).</summary>
    [MethodImpl(HotPath.Optimized)]
    public void Partition()
    {
        const int groups = 1 << GroupBits;
        var starts = _groupStarts ??= new int[groups + 1];
        Array.Clear(starts, 0, starts.Length);
        for (var i = 0; i < _count; i++) starts[(int)(_hashes[i] >> (64 - GroupBits)) + 1]++;
        for (var g = 0; g < groups; g++) starts[g + 1] += starts[g];
        if (_scratch.Length < _count) _scratch = Grown(_scratch, _count, 0);
        var next = (int[])starts.Clone();
        for (var i = 0; i < _count; i++) _scratch[next[(int)(_hashes[i] >> (64 - GroupBits))]++] = _hashes[i];
        _partitionedCount = _count;
    }

    /// <summary>How many entries of the tables (each partitioned) have a hash an earlier one has: a user in two of the
    /// tables, or twice in one.</summary>
    /// <param name="scratch">The table whose search table is used (one of <paramref name="tables"/> will do: the search
    /// reads their ordered copies).</param>
    public static long RepeatsAmong(IReadOnlyList<UsersSeen> tables, UsersSeen scratch) => Search(tables, scratch, null);

    /// <summary>How many of this table's entries have a hash an earlier one has.</summary>
    public long Repeats()
    {
        Partition();
        return Search(new[] { this }, this, null);
    }

    public long CountDistinct() => _count - Repeats();

    /// <summary>The rows of the user listed twice whose second row comes first in the report, or null.</summary>
    public (long First, long Second)? FindRepeat()
    {
        var repeated = new HashSet<ulong>();
        Partition();
        Search(new[] { this }, this, hash => repeated.Add(hash));
        if (repeated.Count == 0) return null;
        // Rare: the report is refused. Its order says which repeat comes first.
        var seen = new Dictionary<ulong, int>();
        for (var i = 0; i < _count; i++)
        {
            if (!repeated.Contains(_hashes[i])) continue;
            if (seen.TryGetValue(_hashes[i], out var first)) return (_rows[first], _rows[i]);
            seen[_hashes[i]] = i;
        }
        return null;
    }

    // The entries of the tables whose hash an earlier entry has, each passed to repeat (when given), counted: group by
    // group, the tables' hashes of the group in an open-addressing table that fits in cache.
    [MethodImpl(HotPath.Optimized)] // its loops run once a report, over every user: no tier would replace them in time
    private static long Search(IReadOnlyList<UsersSeen> tables, UsersSeen scratch, Action<ulong>? repeat)
    {
        const int groups = 1 << GroupBits;
        var starts = tables.Select(t => t._partitionedCount == t._count ? t._groupStarts! : throw new InvalidOperationException("A table of users searched before it is partitioned.")).ToArray();
        var largest = 0;
        for (var g = 0; g < groups; g++)
        {
            var users = 0;
            foreach (var s in starts) users += s[g + 1] - s[g];
            largest = Math.Max(largest, users);
        }
        if (largest < 2) return 0;
        var size = 16;
        while (size < largest * 2) size *= 2;
        if (scratch._table.Length < size) scratch._table = Grown(scratch._table, size, 0);
        var table = scratch._table;
        var mask = size - 1;
        long repeats = 0;
        for (var g = 0; g < groups; g++)
        {
            Array.Clear(table, 0, size);
            for (var t = 0; t < tables.Count; t++)
            {
                var hashes = tables[t]._scratch;
                for (var i = starts[t][g]; i < starts[t][g + 1]; i++)
                {
                    var hash = hashes[i];
                    var slot = (int)hash & mask;
                    while (table[slot] != 0 && table[slot] != hash) slot = (slot + 1) & mask;
                    if (table[slot] != hash)
                    {
                        table[slot] = hash;
                        continue;
                    }
                    repeats++;
                    repeat?.Invoke(hash);
                }
            }
        }
        return repeats;
    }

    /// <summary>A 64-bit hash of the upper-cased name and qualifier, never 0 (which marks an empty slot). Four
    /// chars at a time: ASCII ones are upper-cased together (SWAR), others one by one with the invariant culture;
    /// each block is multiplied in and rotated, then MurmurHash3's finaliser mixes the whole.</summary>
    public static ulong Hash(ReadOnlySpan<char> user, ReadOnlySpan<char> qualifier) => Hash(UserPart(user), qualifier);

    /// <summary>The user's share of <see cref="Hash(ReadOnlySpan{char}, ReadOnlySpan{char})"/>: a name hashed once
    /// serves with several qualifiers (the activations report keys a user with and without the product).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the scan's code, compiled optimised at once
    public static ulong UserPart(ReadOnlySpan<char> user) =>
        Block(Mix(14695981039346656037UL, user), 0x1_0000_0000_0000UL + (ulong)user.Length); // the boundary: ("ab", "c") is not ("a", "bc")

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the scan's code, compiled optimised at once
    public static ulong Hash(ulong userPart, ReadOnlySpan<char> qualifier) =>
        Final(qualifier.IsEmpty ? Block(userPart, 0) : Mix(userPart, qualifier)); // Mix of nothing is that one block, here without a call

    /// <summary>The key of a user and a qualifier whose share (<see cref="UserPart"/>) is known: the activations report
    /// hashes each of its few products once, not on every row. Two pairs share a key only if their users' or their
    /// products' shares do (the block mixing is a bijection of their exclusive or).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Pair(ulong userPart, ulong qualifierPart) => Final(Block(userPart, qualifierPart));

    // MurmurHash3's finaliser; never 0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Final(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB93FE53A3C95UL;
        hash ^= hash >> 33;
        return hash == 0 ? 1 : hash;
    }

    // A name's last 1-3 characters are the last four read as one block, over some mixed already (not a loop per
    // character): the name's length is mixed in, so the blocks still tell names apart.
    [MethodImpl(HotPath.Optimized)]
    private static ulong Mix(ulong hash, ReadOnlySpan<char> text)
    {
        var blocks = MemoryMarshal.Cast<char, ulong>(text);
        foreach (var block in blocks) hash = Block(hash, Upper(block));
        var tail = 0UL;
        if ((text.Length & 3) != 0)
        {
            if (text.Length >= 4) tail = Upper(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), text.Length - 4))));
            else
                for (var i = 0; i < text.Length; i++) tail = (tail << 16) | Upper(text[i]);
        }
        return Block(hash, tail ^ ((ulong)(text.Length & 3) << 62));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Block(ulong hash, ulong block)
    {
        hash = (hash ^ block) * 0x9E3779B97F4A7C15UL;
        return (hash << 31) | (hash >> 33);
    }

    // Four UTF-16 chars: when all are ASCII, 'a'..'z' lose 0x20 together (c + 0x1F reaches 0x80 from 'a' on,
    // c + 0x05 from '{' on); otherwise char by char.
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the scan's code, compiled optimised at once
    private static ulong Upper(ulong chars)
    {
        if ((chars & 0xFF80_FF80_FF80_FF80UL) == 0)
        {
            var lower = (chars + 0x001F_001F_001F_001FUL) & ~(chars + 0x0005_0005_0005_0005UL) & 0x0080_0080_0080_0080UL;
            return chars - (lower >> 2);
        }
        var upper = 0UL;
        for (var shift = 0; shift < 64; shift += 16) upper |= (ulong)Upper((char)(chars >> shift)) << shift;
        return upper;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Upper(char c) => c < 128 ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c) : char.ToUpperInvariant(c);
}
