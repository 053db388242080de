namespace FastTrack.Core.Sample;

/// <summary>Stateless, reproducible randomness: the same inputs always give the same number, so any
/// day of any user can be generated alone (streaming, no state held per user).</summary>
internal static class SampleRandom
{
    public static ulong Hash(int seed, long a, long b = 0, long c = 0)
    {
        var x = (ulong)seed * 0x9E3779B97F4A7C15UL;
        x = Mix(x ^ (ulong)a);
        x = Mix(x ^ (ulong)b * 0xBF58476D1CE4E5B9UL);
        return Mix(x ^ (ulong)c * 0x94D049BB133111EBUL);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(int seed, long a, long b = 0, long c = 0) => (Hash(seed, a, b, c) >> 11) * (1.0 / (1UL << 53));

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
