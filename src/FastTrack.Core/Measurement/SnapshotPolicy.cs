using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Errors;
using FastTrack.Core.Plans;
using FastTrack.Core.Usage;

namespace FastTrack.Core.Measurement;

/// <summary>What of a measurement may be saved into a plan's history. When some services failed, none is saved
/// unless partial saves are allowed (-AllowPartial): a history where one service moved on and another did not
/// would compare AU of different days as if of one.</summary>
public sealed class SnapshotPolicy
{
    private SnapshotPolicy(IReadOnlyList<ActiveUsage> measured, IReadOnlyList<FtError> failures, FtError? withheld)
    {
        Measured = measured;
        Failures = failures;
        Withheld = withheld;
    }

    public IReadOnlyList<ActiveUsage> Measured { get; }
    public IReadOnlyList<FtError> Failures { get; }

    /// <summary>SnapshotIncomplete when measured snapshots are held back; null when they may be saved.</summary>
    public FtError? Withheld { get; }

    /// <summary>The snapshots to save: none when withheld.</summary>
    public IReadOnlyList<ActiveUsage> ToSave => Withheld is null ? Measured : new ActiveUsage[0];

    public static SnapshotPolicy Decide(CustomerPlan plan, IEnumerable<Outcome<ActiveUsage>> results, bool allowPartial)
    {
        var list = results.ToList();
        var measured = list.Where(r => r.Succeeded).Select(r => r.Value!).ToList();
        var failures = list.Where(r => !r.Succeeded).Select(r => r.Error!).ToList();
        var withheld = failures.Count > 0 && measured.Count > 0 && !allowPartial
            ? MeasurementErrors.SnapshotIncomplete(plan, failures.Select(f => f.Target))
            : null;
        return new SnapshotPolicy(measured, failures, withheld);
    }
}
