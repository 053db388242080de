using System.Runtime.CompilerServices;

namespace FastTrack.Core.UsageReports;

/// <summary>How the methods a scan calls for every row are compiled: optimised at once, not in tiers. Tiered
/// compilation first compiles a method without optimising it, and replaces it only once it has been called 30 times
/// and no other method has been compiled for 100 ms; in a PowerShell session, which compiles code all the time, the
/// second and third calls of Measure-FtActiveUsage on a 100,000-user report took 75–110 ms and the later ones
/// 20–25 ms (bench/README.md, issue 18).</summary>
internal static class HotPath
{
    /// <summary>MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name.</summary>
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
