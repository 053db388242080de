using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Usage;
using FastTrack.Core.Text;

namespace FastTrack.Core.Measurement;

/// <summary>A service's saved AU over time for one plan, with its trend and forecast: what
/// Get-FtActiveUsageHistory returns and what handoff notes and reports quote.</summary>
public sealed class ActiveUsageHistory
{
    public Guid TenantId { get; private set; }
    public string Customer { get; private set; } = "";
    public M365Service Service { get; private set; }
    public UsageBasis Basis { get; private set; }
    public double TargetPercent { get; private set; }
    public double? BaselinePercent { get; private set; }
    public JoinedList<UsageSnapshot> Snapshots { get; private set; } = new();
    public UsageSnapshot? First => Snapshots.Count > 0 ? Snapshots[0] : null;
    public UsageSnapshot? Latest => Snapshots.Count > 0 ? Snapshots[Snapshots.Count - 1] : null;
    /// <summary>Percentage points from the first to the latest snapshot.</summary>
    public double? Change => Latest?.ActiveUsagePercent is { } last && First?.ActiveUsagePercent is { } first ? Math.Round(last - first, 1) : null;
    public UsageForecast Forecast { get; private set; } = UsageForecast.From(Array.Empty<(DateTime, double)>(), 0);

    /// <summary>One history per service of the plan that has snapshots on the basis the rules read it on
    /// (CustomerPlan.HistoryBasis: the plan's, else that of the newest snapshot), or on <paramref name="basis"/>
    /// when given, from <paramref name="since"/> on.</summary>
    public static IReadOnlyList<ActiveUsageHistory> Of(CustomerPlan plan, IReadOnlyCollection<M365Service>? services = null, UsageBasis? basis = null, DateTime? since = null)
    {
        var result = new List<ActiveUsageHistory>();
        foreach (var planned in plan.Services)
        {
            if (services is { Count: > 0 } && !services.Contains(planned.Service)) continue;
            var onBasis = basis ?? plan.HistoryBasis(planned.Service);
            var snapshots = plan.UsageHistory
                .Where(u => u.Service == planned.Service && u.Basis == onBasis && (since is null || u.AsOf >= since.Value.Date))
                .OrderBy(u => u.AsOf).ToJoinedList();
            if (snapshots.Count == 0) continue;
            result.Add(new ActiveUsageHistory
            {
                TenantId = plan.TenantId,
                Customer = plan.Customer,
                Service = planned.Service,
                Basis = onBasis,
                TargetPercent = planned.TargetAU,
                BaselinePercent = planned.BaselineAU,
                Snapshots = snapshots,
                Forecast = UsageForecast.From(snapshots.Where(s => s.ActiveUsagePercent is not null).Select(s => (s.AsOf, s.ActiveUsagePercent!.Value)), planned.TargetAU),
            });
        }
        return result;
    }

    /// <summary>The snapshots as measurements, shaped as Measure-FtActiveUsage returns them.</summary>
    public IEnumerable<ActiveUsage> Measurements() => Snapshots.Select(s => new ActiveUsage
    {
        TenantId = TenantId,
        Customer = Customer,
        Service = s.Service,
        AsOf = s.AsOf,
        WindowDays = UsageReports.ReportScanner.WindowDays,
        ActiveUsers = s.ActiveUsers,
        Denominator = s.Denominator,
        Basis = s.Basis,
        ActiveUsagePercent = s.ActiveUsagePercent,
        TargetPercent = TargetPercent,
        MeetsTarget = s.ActiveUsagePercent is { } p ? p >= TargetPercent : null,
        BaselinePercent = BaselinePercent,
        ChangeSinceBaseline = s.ActiveUsagePercent is { } q && BaselinePercent is { } b ? Math.Round(q - b, 1) : null,
        ConcealedNames = s.ConcealedNames,
        Source = s.Source,
    });

    /// <summary>The trend in one line, for handoff notes and check-in agendas.</summary>
    public string Describe() =>
        $"{First!.ActiveUsagePercent:0.0}% on {First.AsOf:yyyy-MM-dd} → {Latest!.ActiveUsagePercent:0.0}% on {Latest.AsOf:yyyy-MM-dd} " +
        $"({Snapshots.Count} snapshot{(Snapshots.Count == 1 ? "" : "s")}); {Forecast}";

    public override string ToString() => $"{Customer} {Service}: {Describe()}";
}
