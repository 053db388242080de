using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using FastTrack.Core.Errors;
using FastTrack.Core.Measurement;
using FastTrack.Core.Plans;
using FastTrack.Core.Usage;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Usage;

// Plans (or no plan): one as it comes, several in parallel, each from the source the resolver picks; then saved.
public sealed partial class MeasureFtActiveUsageCommand
{
    private readonly HashSet<string> _warned = new(StringComparer.OrdinalIgnoreCase);
    private bool _skippedNoted;

    private void MeasurePlan(CustomerPlan? plan)
    {
        var measurement = new PlanMeasurement(Context.Catalog, plan, Services(), Basis, Force);
        var source = UsageSources.Resolve(_request!, plan, StopToken);
        NoteSkippedFiles(source);
        WriteVerbose($"Measuring {string.Join(", ", measurement.Services)} of {plan?.Customer ?? source.Description} from {source.Description}.");
        IReadOnlyList<Outcome<ActiveUsage>> results;
        try
        {
            results = measurement.Measure(source, AsOf, new ReportProgress(this, 1, "Measuring active usage"), StopToken);
        }
        finally
        {
            WriteConnectionLog(plan?.TenantId ?? source.TenantId);
            WriteProgress(new ProgressRecord(1, "Measuring active usage", "Done") { RecordType = ProgressRecordType.Completed });
        }
        Emit(results, source.Description);
        if (Save) SaveSnapshots(plan, results);
    }

    // Several tenants at once, each under its own Graph limits.
    private void MeasurePlans()
    {
        var services = Services();
        ForEachPlanThrottled(_plans, ThrottleLimit, "Measuring active usage", 1, "tenants", (plan, token) =>
        {
            var source = UsageSources.Resolve(_request!, plan, token);
            return (Source: source, Results: new PlanMeasurement(Context.Catalog, plan, services, Basis, Force).Measure(source, AsOf, null, token));
        }, (plan, run) =>
        {
            NoteSkippedFiles(run.Source);
            Emit(run.Results, run.Source.Description);
            if (Save) SaveSnapshots(plan, run.Results);
        });
    }

    private void Emit(IReadOnlyList<Outcome<ActiveUsage>> results, string sourceName)
    {
        if (results.Any(r => r.Value?.ConcealedNames == true) && _warned.Add(sourceName))
            WriteWarning($"The reports of {sourceName} conceal user names. The counts are right, but no user can be named or matched. {UsageErrors.ShowNamesAdvice}");
        var unknown = results.SelectMany(r => r.Value?.UnknownServicePlans ?? Enumerable.Empty<string>()).Distinct().ToList();
        if (unknown.Count > 0 && _warned.Add(sourceName + "|plans"))
        {
            WriteWarning($"The subscriptions of {sourceName} hold service plans this module does not know: {string.Join(", ", unknown)}. " +
                "If one of them gives a measured service, its paid units are undercounted; measure with -Basis LicensedUsers to compare.");
        }
        foreach (var usage in results.Select(r => r.Value).Where(u => u?.ExcludedSkus.Count > 0))
            WriteVerbose($"{usage!.Service}: free or trial subscriptions left out of paid units: {string.Join(", ", usage.ExcludedSkus)}.");
        foreach (var result in results) WriteOutcome(result);
    }

    private void SaveSnapshots(CustomerPlan? plan, IReadOnlyList<Outcome<ActiveUsage>> results)
    {
        if (plan is null)
        {
            ThrowFtError(MeasurementErrors.PlanRequiredToSave());
            return;
        }
        var snapshots = SnapshotPolicy.Decide(plan, results, AllowPartial);
        if (snapshots.Withheld is { } withheld)
        {
            WriteFtError(withheld);
            return;
        }
        var measured = snapshots.ToSave;
        if (measured.Count == 0) return;
        var asOf = measured.Max(m => m.AsOf);
        Store.Update(plan.TenantId, basedOnRevision: null, force: false, PlanChanges.RecordUsage(measured, Context.Now),
            p => ShouldProcess($"{p.Customer} ({p.TenantId})", $"Save {measured.Count} AU snapshot{(measured.Count == 1 ? "" : "s")} as of {asOf:yyyy-MM-dd} ({string.Join(", ", measured.Select(m => m.Service))})"));
    }

    // Once per run: the folder is scanned once, whatever the number of plans measured from it.
    private void NoteSkippedFiles(IUsageDataSource source)
    {
        if (_skippedNoted) return;
        _skippedNoted = true;
        SkippedFileNotes.Write(this, source);
    }
}
