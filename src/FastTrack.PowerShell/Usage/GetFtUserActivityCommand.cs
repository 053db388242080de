using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;
using FastTrack.Core.Usage.People;
using TrainingList = FastTrack.Core.Usage.People.TrainingList;
using FastTrack.PowerShell.Completion;
using FastTrack.PowerShell.Infrastructure;
using FastTrack.Core.Measurement;

namespace FastTrack.PowerShell.Usage;

/// <summary>The people behind the numbers: one object per user and service with licence, last activity,
/// days since and active-in-window, from the connected tenant, the sample or -Path; for every user, or
/// only the users piped in. -AsTrainingList groups the inactive ones for training.</summary>
[Cmdlet(VerbsCommon.Get, "FtUserActivity", DefaultParameterSetName = DefaultSet)]
[OutputType(typeof(UserActivity), typeof(TrainingList))]
public sealed class GetFtUserActivityCommand : FtWorkspaceCmdlet
{
    private const string DefaultSet = "Default";
    private const string PathSet = "Path";
    private const string SampleSet = "Sample";

    private readonly Dictionary<string, string?> _cohort = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Users (objects from Get-EXOMailbox, Get-User, Get-TeamUser, Get-MgUser, Import-Csv) or UPNs.</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The connected tenant to read; by default the only connection.</summary>
    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(ConnectionCompleter))]
    public Guid? TenantId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = SampleSet)]
    public SwitchParameter Sample { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string[]? Service { get; set; }

    /// <summary>Only licensed users not active in the 28-day window.</summary>
    [Parameter] public SwitchParameter Inactive { get; set; }

    /// <summary>Only licensed users whose last activity is before this date (or who never used the service).</summary>
    [Parameter] public DateTime? InactiveSince { get; set; }

    [Parameter] public DateTime? AsOf { get; set; }

    /// <summary>The inactive users grouped by service (and -GroupBy), ready for training.</summary>
    [Parameter] public SwitchParameter AsTrainingList { get; set; }

    /// <summary>A property of the users piped in to group by (Department, Office, Country...).</summary>
    [Parameter] [ValidateNotNullOrEmpty] public string? GroupBy { get; set; }

    private GroupByCheck? _grouping;

    protected override void ProcessRecord()
    {
        if (InputObject is null) return;
        if (UserIdentity.Of(InputObject) is { } identity)
        {
            _cohort[identity] = UserIdentity.Group(InputObject, GroupBy);
            (_grouping ??= new GroupByCheck(GroupBy)).Saw(InputObject);
        }
        else WriteFtError(CmdletErrors.UserIdentityMissing(InputObject));
    }

    protected override void EndProcessing()
    {
        if (MyInvocation.ExpectingInput && _cohort.Count == 0) return;
        if (_grouping?.Warning() is { } grouping) WriteWarning(grouping);
        var services = Service is null ? Context.Catalog.Services.Select(s => s.Id).ToList() : ResolveServices(Service);
        var source = Source();
        SkippedFileNotes.Write(this, source);
        var onlyInactive = Inactive || InactiveSince is not null || AsTrainingList;
        var training = new Dictionary<(M365Service, string?), List<string>>();
        foreach (var service in services)
        {
            Guard(() => UserActivityReader.Read(source, new[] { service }, AsOf, user =>
            {
                if (_cohort.Count > 0)
                {
                    if (!_cohort.TryGetValue(user.UserPrincipalName, out var group)) return;
                    user.Group = group;
                }
                if (onlyInactive && (!user.IsLicensed || user.IsDeleted || user.ActiveInWindow)) return;
                if (InactiveSince is { } since && user.LastActivityDate is { } last && last >= since.Date) return;
                if (AsTrainingList)
                {
                    var key = (user.Service, user.Group);
                    if (!training.TryGetValue(key, out var list)) training[key] = list = new List<string>();
                    list.Add(user.UserPrincipalName);
                }
                else WriteObject(user);
            }, new ReportProgress(this, 3, "Reading user activity"), StopToken));
            WriteConnectionLog(source.TenantId);
        }
        WriteProgress(new ProgressRecord(3, "Reading user activity", "Done") { RecordType = ProgressRecordType.Completed });
        foreach (var entry in training.OrderBy(t => t.Key.Item1).ThenBy(t => t.Key.Item2, StringComparer.CurrentCultureIgnoreCase))
            WriteObject(new TrainingList(entry.Key.Item1, entry.Key.Item2, entry.Value));
    }

    private IUsageDataSource Source()
    {
        var folder = ParameterSetName == PathSet ? ProviderPath(Path) : null;
        return Require(() => UsageSources.Resolve(new UsageSourceRequest(folder, Sample, TenantId), null, StopToken));
    }
}
