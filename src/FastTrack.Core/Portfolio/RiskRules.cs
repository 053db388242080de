using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastTrack.Core.Measurement;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Rules;

namespace FastTrack.Core.Portfolio;

/// <summary>The rules of the risk score, each a reason with its weight. The weights rank what endangers the
/// customer's goals most: an intended service that will not reach its target at the current pace (30) above an
/// overdue mandatory task (20), numbers too old to steer by (15), and the signs of a stalled execution (10 each).
/// Tasks, check-ins and the handshake count only while the plan is in the success execution phase.</summary>
internal static class RiskRules
{
    public const int StaleAfterDays = 35;
    public const int BlockerLongAfterDays = 14;
    public const int MissedCheckInWindowDays = 90;

    public static IEnumerable<RiskReason> For(PlanAdvice advice, IReadOnlyList<ServiceStanding> services, DateTime today, CultureInfo culture)
    {
        var plan = advice.Plan;
        var catalog = advice.Evaluation.Facts.Catalog;
        string Say(string id, params object?[] args) => catalog.Message(id, culture, args);

        foreach (var reason in Usage(plan, services, Say)) yield return reason;
        if (Stale(plan, today, Say) is { } stale) yield return stale;
        if (plan.Phase != PlanPhase.SuccessExecution) yield break;
        foreach (var reason in Execution(advice, today, Say)) yield return reason;
    }

    private static IEnumerable<RiskReason> Usage(CustomerPlan plan, IReadOnlyList<ServiceStanding> services, Func<string, object?[], string> say)
    {
        foreach (var s in services)
        {
            var source = $"usageHistory {s.Service} {s.AsOf:yyyy-MM-dd}";
            if (s.ActiveUsagePercent is not { } percent) yield return new RiskReason(RiskKind.BelowTarget, 10, say("Risk.NotMeasured", new object?[] { s.Service }), $"services {s.Service}");
            else if (percent >= s.TargetPercent) continue;
            else if (s.Forecast == ForecastStatus.NotAtCurrentPace)
            {
                var points = ActiveUsageHistory.Of(plan, new[] { s.Service }).FirstOrDefault()?.Forecast.PointsUsed ?? 0;
                yield return new RiskReason(RiskKind.BelowTargetNotImproving, 30,
                    say("Risk.BelowTargetNotImproving", new object?[] { s.Service, percent, s.AsOf, s.TargetPercent, s.SlopePerWeek ?? 0, points }), source);
            }
            else yield return new RiskReason(RiskKind.BelowTarget, 10, say("Risk.BelowTarget", new object?[] { s.Service, percent, s.AsOf, s.TargetPercent }), source);
        }
    }

    private static RiskReason? Stale(CustomerPlan plan, DateTime today, Func<string, object?[], string> say)
    {
        var latest = plan.UsageHistory.Count == 0 ? (DateTime?)null : plan.UsageHistory.Max(u => u.AsOf);
        if (latest is not { } last || (today - last.Date).TotalDays <= StaleAfterDays) return null;
        return new RiskReason(RiskKind.MeasurementStale, 15, say("Risk.MeasurementStale", new object?[] { last, (int)(today - last.Date).TotalDays }), $"usageHistory {last:yyyy-MM-dd}");
    }

    private static IEnumerable<RiskReason> Execution(PlanAdvice advice, DateTime today, Func<string, object?[], string> say)
    {
        var plan = advice.Plan;
        var catalog = advice.Evaluation.Facts.Catalog;
        foreach (var task in advice.Evaluation.Tasks.Where(t => t.Applicability == Applicability.Mandatory && t.IsOutstanding && t.Due is { } due && due.Date < today))
        {
            yield return new RiskReason(RiskKind.MandatoryTaskOverdue, 20, say("Risk.MandatoryTaskOverdue", new object?[] { task.TaskId, task.Name, task.Due, task.Status }),
                $"tasks {task.TaskId} {task.Service}");
        }
        foreach (var checkIn in plan.CheckIns.Where(c => c.Status == CheckInStatus.Missed && (today - c.Date.Date).TotalDays <= MissedCheckInWindowDays).OrderBy(c => c.Date))
            yield return new RiskReason(RiskKind.CheckInMissed, 10, say("Risk.CheckInMissed", new object?[] { checkIn.Id, checkIn.Date }), $"checkIns #{checkIn.Id}");
        foreach (var blocker in plan.OpenBlockers.Where(b => (today - b.Opened.Date).TotalDays >= BlockerLongAfterDays).OrderBy(b => b.Opened))
        {
            yield return new RiskReason(RiskKind.BlockerOpenLong, 10, say("Risk.BlockerOpenLong", new object?[] { blocker.Id, blocker.Description, blocker.Opened, (int)(today - blocker.Opened.Date).TotalDays }),
                $"blockers #{blocker.Id}");
        }
        foreach (var task in advice.Evaluation.Tasks.Where(t => catalog.Activity(t.Activity).HandsWorkloadToCsm && t.IsOutstanding))
            yield return new RiskReason(RiskKind.HandshakePending, 10, say("Risk.HandshakePending", new object?[] { task.Service, task.TaskId, task.Status }), $"tasks {task.TaskId} {task.Service}");
    }
}
