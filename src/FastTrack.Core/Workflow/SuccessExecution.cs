using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Usage;
using FastTrack.Core.Measurement;
using FastTrack.Core.Rules;
using FastTrack.Core.Text;

namespace FastTrack.Core.Workflow;

/// <summary>The scheduled run of the playbook for one plan: measure AU when a source is at hand, save the
/// snapshot, apply the rules, and compare with the last run. <see cref="Prepare"/> does everything but
/// the write, so -WhatIf shows the same result a real run would.</summary>
public sealed class SuccessExecution
{
    private SuccessExecution(SuccessExecutionResult result, Action<CustomerPlan> change, Errors.FtError? withheld)
    {
        Result = result;
        Change = change;
        Withheld = withheld;
    }

    public SuccessExecutionResult Result { get; }
    /// <summary>SnapshotIncomplete when the measured snapshots are held back (see <see cref="SnapshotPolicy"/>).</summary>
    public Errors.FtError? Withheld { get; }
    /// <summary>The change to save: the snapshot (unless withheld) and this run's record.</summary>
    public Action<CustomerPlan> Change { get; }

    public static SuccessExecution Prepare(CustomerPlan plan, PlaybookCatalog catalog, IUsageDataSource? source, DateTimeOffset now,
        CultureInfo culture, DateTime? asOf = null, bool allowPartial = false, CancellationToken cancellationToken = default, bool allowOtherOrganisation = false)
    {
        var snapshots = source is null ? null
            : SnapshotPolicy.Decide(plan, new PlanMeasurement(catalog, plan, allowOtherOrganisation: allowOtherOrganisation).Measure(source, asOf, null, cancellationToken), allowPartial);
        var toSave = snapshots?.ToSave ?? new ActiveUsage[0];
        var today = now.LocalDateTime.Date;
        var notMeasured = source is null ? NotMeasured(plan) : null;
        Action<CustomerPlan> change = p =>
        {
            if (toSave.Count > 0) PlanChanges.RecordUsage(toSave, now)(p);
            p.LastRun = Record(PlanAdvice.For(p, catalog, today, culture), now);
            p.LastRun.Source = source?.Description;
            p.LastRun.NotMeasured = notMeasured;
        };

        // The result is what the plan looks like after the change, computed on a copy.
        var after = PlanSerializer.Deserialize(PlanSerializer.Serialize(plan), plan.TenantId.ToString());
        change(after);
        var advice = PlanAdvice.For(after, catalog, today, culture);
        var result = new SuccessExecutionResult
        {
            TenantId = plan.TenantId,
            Customer = plan.Customer,
            RunOn = now,
            Source = source?.Description,
            NotMeasured = notMeasured,
            Measured = snapshots?.Measured.ToJoinedList() ?? new(),
            Failures = snapshots?.Failures.ToJoinedList() ?? new(),
            SnapshotWithheld = snapshots?.Withheld is not null,
            NextActions = advice.Actions.ToJoinedList(),
            Criteria = advice.Criteria.ToJoinedList(),
            Phase = after.Phase,
            Changes = Compare(plan.LastRun, after, advice).ToJoinedList(),
        };
        return new SuccessExecution(result, change, snapshots?.Withheld);
    }

    /// <summary>Writes the change to the plan (the store re-applies it on the latest copy under its lock);
    /// <paramref name="confirm"/> is the cmdlet's ShouldProcess. Returns whether it was written.</summary>
    public bool Save(PlanStore store, Func<CustomerPlan, bool>? confirm)
    {
        Result.Saved = store.Update(Result.TenantId, basedOnRevision: null, force: false, Change, confirm) is not null;
        return Result.Saved;
    }

    // A run without a data source is worth a warning, not a line in -Verbose: the nightly job would
    // otherwise report stale AU as today's. Say what the rules rest on instead.
    private static string NotMeasured(CustomerPlan plan)
    {
        var latest = plan.UsageHistory.OrderBy(u => u.AsOf).LastOrDefault();
        return $"{plan.Customer} was not measured: no usage source (connect its tenant with Connect-FtTenant, or give -Path or -Sample). " +
            (latest is null
                ? "It has no saved AU either, so its AU outcome is unknown."
                : $"The rules use its last saved AU, of {latest.AsOf:yyyy-MM-dd}.");
    }

    internal static string KeyOf(NextAction action) =>
        string.Join("|", action.Kind, action.TaskId, action.BlockerId, action.Activity, string.Join("+", action.Services.OrderBy(s => s)));

    private static ExecutionRun Record(PlanAdvice advice, DateTimeOffset now) => new()
    {
        RunOn = now,
        Actions = advice.Actions.Select(a => new RecordedAction { Key = KeyOf(a), Title = a.Title }).ToJoinedList(),
        Usage = advice.Plan.Services.Select(s => advice.Plan.LatestUsage(s.Service)).Where(u => u is not null)
            .Select(u => new RecordedUsage { Service = u!.Service, AsOf = u.AsOf, ActiveUsagePercent = u.ActiveUsagePercent }).ToJoinedList(),
        CriteriaPassed = advice.Criteria.Where(c => c.IsMet).Select(c => c.Id).ToJoinedList(),
    };

    private static IReadOnlyList<RunChange> Compare(ExecutionRun? last, CustomerPlan after, PlanAdvice advice)
    {
        var changes = new List<RunChange>();
        if (last is null) changes.Add(new RunChange(RunChangeKind.FirstRun, after.Customer, $"First run of the playbook for {after.Customer}."));
        changes.AddRange(UsageChanges(last, after));
        if (last is not null)
        {
            changes.AddRange(ActionChanges(last, advice));
            changes.AddRange(CriteriaChanges(last, advice));
        }
        changes.AddRange(PhaseChanges(last, after, advice));
        return changes;
    }

    // AU measured since the last run, and a target reached or lost.
    private static IEnumerable<RunChange> UsageChanges(ExecutionRun? last, CustomerPlan after)
    {
        foreach (var service in after.Services)
        {
            var now = after.LatestUsage(service.Service);
            if (now?.ActiveUsagePercent is not { } percent) continue;
            var before = last?.Usage.FirstOrDefault(u => u.Service == service.Service);
            if (before is not null && before.AsOf == now.AsOf) continue;
            var target = service.TargetAU;
            var was = before?.ActiveUsagePercent;
            var text = was is null
                ? $"{service.Service} AU {percent:0.0}% on {now.AsOf:yyyy-MM-dd} (target {target:0.##}%)."
                : $"{service.Service} AU {was:0.0}% → {percent:0.0}% ({percent - was:+0.0;-0.0;0.0} pts since {before!.AsOf:yyyy-MM-dd}; target {target:0.##}%).";
            yield return new RunChange(RunChangeKind.Usage, service.Service.ToString(), text);
            if (was is { } w && w < target && percent >= target)
                yield return new RunChange(RunChangeKind.TargetReached, service.Service.ToString(), $"{service.Service} reached its {target:0.##}% target.");
            if (was is { } v && v >= target && percent < target)
                yield return new RunChange(RunChangeKind.TargetLost, service.Service.ToString(), $"{service.Service} fell below its {target:0.##}% target.");
        }
    }

    private static IEnumerable<RunChange> ActionChanges(ExecutionRun last, PlanAdvice advice)
    {
        var before = new HashSet<string>(last.Actions.Select(a => a.Key));
        var current = new HashSet<string>(advice.Actions.Select(KeyOf));
        foreach (var action in advice.Actions.Where(a => !before.Contains(KeyOf(a))))
            yield return new RunChange(RunChangeKind.NewAction, action.Title, $"New next action: {action.Title} — {action.Why}");
        foreach (var gone in last.Actions.Where(a => !current.Contains(a.Key)))
            yield return new RunChange(RunChangeKind.ActionClosed, gone.Title, $"No longer needed or done: {gone.Title}");
    }

    private static IEnumerable<RunChange> CriteriaChanges(ExecutionRun last, PlanAdvice advice)
    {
        var passedBefore = new HashSet<string>(last.CriteriaPassed, StringComparer.Ordinal);
        foreach (var criterion in advice.Criteria)
        {
            var passes = criterion.IsMet;
            if (passes && !passedBefore.Contains(criterion.Id))
                yield return new RunChange(RunChangeKind.CriterionPassed, criterion.Id, $"Criterion met: {criterion.Text}");
            else if (!passes && passedBefore.Contains(criterion.Id))
                yield return new RunChange(RunChangeKind.CriterionFailed, criterion.Id, $"Criterion no longer met: {criterion.Text} ({criterion.Evidence})");
        }
    }

    // Promoted (no more actions of this phase), or newly ready for the success review.
    private static IEnumerable<RunChange> PhaseChanges(ExecutionRun? last, CustomerPlan after, PlanAdvice advice)
    {
        if (after.Phase is PlanPhase.SuccessReview or PlanPhase.Closed)
        {
            var promoted = after.PhaseHistory.LastOrDefault(p => p.To == after.Phase);
            yield return new RunChange(RunChangeKind.Promoted, after.Customer, promoted is null
                ? $"{after.Customer} is in the {after.Phase} phase: this playbook proposes no more actions (AU is still measured)."
                : $"{after.Customer} moved to the {after.Phase} phase on {promoted.On:yyyy-MM-dd}{(promoted.Forced ? " (forced: " + promoted.Reason + ")" : "")}: this playbook proposes no more actions (AU is still measured).");
            yield break;
        }
        var allPass = SuccessCriteria.AllowPromotion(advice.Criteria);
        var passedAllBefore = last is not null && advice.Criteria.Where(c => c.Gates).All(c => last.CriteriaPassed.Contains(c.Id));
        if (allPass && !passedAllBefore && after.Phase == PlanPhase.SuccessExecution)
        {
            yield return new RunChange(RunChangeKind.ReadyForPromotion, after.Customer,
                $"Every success criterion passes: promote {after.Customer} to the success review with Complete-FtSuccessExecution.");
        }
    }
}
