using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using FastTrack.Core.Concurrency;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Usage;
using FastTrack.Core.Usage.People;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;
using FastTrack.Core.Measurement;

namespace FastTrack.PowerShell.Usage;

/// <summary>AU per service from a folder of exported reports (-Path), the sample tenant (-Sample), or
/// report rows piped in from Import-Csv; for the plans piped in or named by -TenantId, or for the data
/// alone. -Save appends the measurement to each plan's usage history.</summary>
[Cmdlet(VerbsDiagnostic.Measure, "FtActiveUsage", SupportsShouldProcess = true, DefaultParameterSetName = DefaultSet)]
[OutputType(typeof(ActiveUsage), typeof(CohortUsage))]
public sealed class MeasureFtActiveUsageCommand : FtWorkspaceCmdlet
{
    private const string DefaultSet = "Default";
    private const string PathSet = "Path";
    private const string SampleSet = "Sample";

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Dictionary<string, string?>> _rows = new();
    private readonly HashSet<string> _concealedWarned = new(StringComparer.OrdinalIgnoreCase);
    private IUsageDataSource? _source;
    private bool _skippedNoted;

    /// <summary>A plan (by value), or a row of a usage report from Import-Csv.</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(TenantIdCompleter))]
    public Guid? TenantId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = SampleSet)]
    public SwitchParameter Sample { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string[]? Service { get; set; }

    [Parameter]
    public UsageBasis? Basis { get; set; }

    [Parameter]
    public DateTime? AsOf { get; set; }

    [Parameter]
    public SwitchParameter Save { get; set; }

    /// <summary>Measure into the plan even when the reports' users are of another domain than the plan's.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Save the services that were measured even when others failed.</summary>
    [Parameter]
    public SwitchParameter AllowPartial { get; set; }

    /// <summary>Tenants measured at once when many plans are piped in; 1 measures each as it arrives.</summary>
    [Parameter]
    [ValidateRange(1, 32)]
    public int ThrottleLimit { get; set; } = 4;

    private readonly List<CustomerPlan> _plans = new();
    private readonly List<CohortMember> _members = new();
    private GroupByCheck? _grouping;

    /// <summary>With users piped in: measure each group of this property (Department, Office, Country...).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? GroupBy { get; set; }
    private Core.Workspaces.Workspace? _workspace;
    private string? _folder;

    protected override void BeginProcessing()
    {
        _workspace = ResolveWorkspace();
        if (ParameterSetName == PathSet)
        {
            _folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (File.Exists(_folder))
            {
                ThrowFtError(new FtError("ReportFolderExpected", FtErrorKind.InvalidArgument, _folder,
                    $"'{_folder}' is a file. -Path takes the folder the reports were exported to; pipe a single report with Import-Csv '{_folder}' | Measure-FtActiveUsage."));
            }
        }
    }

    protected override void ProcessRecord()
    {
        var input = InputObject?.BaseObject;
        if (input is CustomerPlan plan)
        {
            if (ThrottleLimit > 1) _plans.Add(plan); // measured together in EndProcessing
            else Guard(() => MeasurePlan(plan));
        }
        else if (InputObject is not null)
        {
            // A user (a string, or an object with an identity) joins the cohort; anything else is a report row.
            if (UserIdentity.Of(InputObject) is { } identity)
            {
                _members.Add(new CohortMember(identity, UserIdentity.Group(InputObject, GroupBy)));
                (_grouping ??= new GroupByCheck(GroupBy)).Saw(InputObject);
            }
            else CollectRow(InputObject);
        }
        else if (TenantId is { } tenantId)
        {
            Guard(() => MeasurePlan(Store.Read(tenantId)));
        }
    }

    protected override void EndProcessing()
    {
        if (_plans.Count == 1) Guard(() => MeasurePlan(_plans[0]));
        else if (_plans.Count > 1) MeasureInParallel();
        else if (_members.Count > 0)
        {
            // Objects without an identity among users are users that cannot be counted, not report rows.
            foreach (var row in _unidentified) WriteFtError(UserIdentityMissing(row));
            if (_grouping?.Warning() is { } grouping) WriteWarning(grouping);
            MeasureCohort();
        }
        else if (_rows.Count > 0) Guard(MeasureRows);
        else if (InputObject is null && TenantId is null && MyInvocation.ExpectingInput == false) Guard(() => MeasurePlan(null));
    }

    protected override void StopProcessing() => _stop.Cancel();

    private void MeasurePlan(CustomerPlan? plan)
    {
        var measurement = new PlanMeasurement(PlaybookCatalog.Default, plan, Services(), Basis, Force);
        var source = SourceFor(plan);
        NoteSkippedFiles(source);
        WriteVerbose($"Measuring {string.Join(", ", measurement.Services)} of {plan?.Customer ?? source.Description} from {source.Description}.");
        IReadOnlyList<Outcome<ActiveUsage>> results;
        try
        {
            results = measurement.Measure(source, AsOf, new ReportProgress(this, 1, "Measuring active usage"), _stop.Token);
        }
        finally
        {
            WriteConnectionLog(plan?.TenantId ?? source.TenantId);
            WriteProgress(new ProgressRecord(1, "Measuring active usage", "Done") { RecordType = ProgressRecordType.Completed });
        }
        Emit(results, source.Description);
        if (Save) SaveSnapshots(plan, results);
    }

    // Several tenants at once (each under its own Graph limits); output, errors, progress and -Save
    // confirmations stay on the pipeline thread, in the order the tenants finish.
    private void MeasureInParallel()
    {
        var services = Services();
        var done = 0;
        var runs = Throttled.Run(_plans, ThrottleLimit, (plan, token) =>
        {
            var source = SourceFor(plan, token);
            return (Source: source.Description, Results: new PlanMeasurement(PlaybookCatalog.Default, plan, services, Basis, Force).Measure(source, AsOf, null, token));
        }, _stop.Token);
        try
        {
            foreach (var run in runs)
            {
                if (_source is not null) NoteSkippedFiles(_source);
                WriteProgress(new ProgressRecord(1, "Measuring active usage", $"{++done} of {_plans.Count} tenants") { PercentComplete = done * 100 / _plans.Count, CurrentOperation = run.Item.Customer });
                WriteConnectionLog(run.Item.TenantId);
                if (run.Error is FtException failed) { WriteFtError(failed.Error); continue; }
                if (run.Error is OperationCanceledException) throw new PipelineStoppedException();
                if (run.Error is not null) throw run.Error;
                Emit(run.Result.Results, run.Result.Source);
                if (Save) Guard(() => SaveSnapshots(run.Item, run.Result.Results));
            }
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            WriteProgress(new ProgressRecord(1, "Measuring active usage", "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    // AU of the users piped in: active ÷ those of them licensed for the service, per -GroupBy group.
    private void MeasureCohort()
    {
        CustomerPlan? plan = null;
        IUsageDataSource? source = null;
        Guard(() =>
        {
            plan = TenantId is { } tenantId ? Store.Read(tenantId) : null;
            source = SourceFor(plan);
        });
        if (source is null) return;
        NoteSkippedFiles(source);
        var measurement = new PlanMeasurement(PlaybookCatalog.Default, plan, Services(), Basis);
        WriteVerbose($"Measuring {_members.Count} users piped in for {string.Join(", ", measurement.Services)} from {source.Description}.");
        foreach (var service in measurement.Services)
        {
            Guard(() =>
            {
                foreach (var usage in CohortMeasurement.Measure(source, _members, new[] { service }, AsOf, s => measurement.Goal(s).TargetPercent, _stop.Token))
                {
                    if (usage.Absent.Count > 0)
                    {
                        WriteWarning($"{usage.Absent.Count} of {usage.Members} users{(usage.Group is null ? "" : $" in {usage.Group}")} are not counted for {usage.Service}: " +
                            $"{usage.NotLicensed} not licensed, {usage.Deleted} deleted, {usage.NotInReport} not in the report (see the Absent property).");
                    }
                    WriteObject(usage);
                }
            });
            WriteConnectionLog(source.TenantId);
        }
    }

    private void MeasureRows()
    {
        var plan = TenantId is { } tenantId ? Store.Read(tenantId) : null;
        var scan = ActiveUsageCalculator.ScanRows(_rows[0], _rows.Skip(1), "the report rows piped in");
        var results = new PlanMeasurement(PlaybookCatalog.Default, plan, Services(), Basis ?? UsageBasis.LicensedUsers, Force).Measure(scan);
        Emit(results, "the report rows piped in");
        if (Save) SaveSnapshots(plan, results);
    }

    private readonly List<PSObject> _unidentified = new();

    internal static FtError UserIdentityMissing(PSObject input) => new("UserIdentityMissing", FtErrorKind.InvalidArgument, input,
        "The object piped in has none of UserPrincipalName, UPN, WindowsLiveID, User, PrimarySmtpAddress or Mail, so it was not counted. " +
        "With Get-MgUser, add UserPrincipalName to -Property.");

    private void CollectRow(PSObject row)
    {
        _unidentified.Add(row);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in row.Properties)
        {
            if (property.MemberType is PSMemberTypes.NoteProperty or PSMemberTypes.Property)
                values[property.Name] = property.Value?.ToString();
        }
        _rows.Add(values);
    }

    // Once per run: the folder is scanned once, whatever the number of plans measured from it.
    private void NoteSkippedFiles(IUsageDataSource source)
    {
        if (_skippedNoted) return;
        _skippedNoted = true;
        SkippedFileNotes.Write(this, source);
    }

    private IReadOnlyList<M365Service>? Services() => Service is null ? null : ResolveServices(Service);

    // No SessionState here: in parallel runs this is called off the pipeline thread.
    private IUsageDataSource SourceFor(CustomerPlan? plan, CancellationToken? token = null)
    {
        if (_folder is not null) return _source ??= new FolderUsageSource(_folder);
        if (UsageSources.For(plan, null, Sample, _workspace!, token ?? _stop.Token) is { } source) return source;
        throw new FtError("UsageSourceMissing", FtErrorKind.InvalidArgument, plan?.Customer ?? "Measure-FtActiveUsage",
            $"No usage data for {(plan is null ? "the measurement" : plan.Customer)}: connect its tenant with Connect-FtTenant, or give -Path <folder of exported reports>, -Sample, or pipe report rows from Import-Csv.").ToException();
    }

    private void Emit(IReadOnlyList<Outcome<ActiveUsage>> results, string sourceName)
    {
        if (results.Any(r => r.Value?.ConcealedNames == true) && _concealedWarned.Add(sourceName))
        {
            WriteWarning($"The reports of {sourceName} conceal user names. The counts are right, but no user can be named or matched. " +
                "A global admin can show names in the Microsoft 365 admin center (Settings > Org settings > Services > Reports), or set displayConcealedNames to false on Graph's admin/reportSettings.");
        }
        var unknown = results.SelectMany(r => r.Value?.UnknownServicePlans ?? Array.Empty<string>()).Distinct().ToList();
        if (unknown.Count > 0 && _concealedWarned.Add(sourceName + "|plans"))
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
            ThrowFtError(new FtError("PlanRequiredToSave", FtErrorKind.InvalidArgument, "Save",
                "-Save records the measurement in a plan's history: pipe the plan in (Get-FtCustomerPlan ... | Measure-FtActiveUsage -Save) or give -TenantId."));
            return;
        }
        var measured = results.Where(r => r.Succeeded).Select(r => r.Value!).ToList();
        var failed = results.Where(r => !r.Succeeded).ToList();
        if (failed.Count > 0 && !AllowPartial)
        {
            WriteFtError(new FtError("SnapshotIncomplete", FtErrorKind.InvalidResult, plan.TenantId,
                $"Nothing was saved to the plan of {plan.Customer}: {string.Join(", ", failed.Select(f => f.Error!.Target))} could not be measured. " +
                "Fix the errors above, or save what was measured with -AllowPartial."));
            return;
        }
        if (measured.Count == 0) return;
        var asOf = measured.Max(m => m.AsOf);
        Store.Update(plan.TenantId, basedOnRevision: null, force: false, PlanChanges.RecordUsage(measured, DateTimeOffset.Now),
            p => ShouldProcess($"{p.Customer} ({p.TenantId})", $"Save {measured.Count} AU snapshot{(measured.Count == 1 ? "" : "s")} as of {asOf:yyyy-MM-dd} ({string.Join(", ", measured.Select(m => m.Service))})"));
    }
}
