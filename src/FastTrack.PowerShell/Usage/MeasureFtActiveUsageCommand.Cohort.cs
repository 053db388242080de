using System.Collections.Generic;
using System.Management.Automation;
using FastTrack.Core.Measurement;
using FastTrack.Core.Plans;
using FastTrack.Core.Usage;
using FastTrack.Core.Usage.People;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Usage;

// Users piped in (names, Get-MgUser or Get-EXOMailbox objects): AU of the cohort, active ÷ those of them licensed
// for the service, per -GroupBy group.
public sealed partial class MeasureFtActiveUsageCommand
{
    private readonly List<CohortMember> _members = new();
    private GroupByCheck? _grouping;

    private bool HasCohort => _members.Count > 0;

    private bool CollectUser(PSObject input)
    {
        if (UserIdentity.Of(input) is not { } identity) return false;
        _members.Add(new CohortMember(identity, UserIdentity.Group(input, GroupBy)));
        (_grouping ??= new GroupByCheck(GroupBy)).Saw(input);
        return true;
    }

    private void MeasureCohort()
    {
        // Objects without an identity among users are users that cannot be counted, not report rows.
        foreach (var row in _unidentified) WriteFtError(CmdletErrors.UserIdentityMissing(row));
        if (_grouping?.Warning() is { } grouping) WriteWarning(grouping);
        CustomerPlan? plan = null;
        IUsageDataSource? source = null;
        Guard(() =>
        {
            plan = TenantId is { } tenantId ? Store.Read(tenantId) : null;
            source = UsageSources.Resolve(_request!, plan, StopToken);
        });
        if (source is null) return;
        NoteSkippedFiles(source);
        var measurement = new PlanMeasurement(Context.Catalog, plan, Services(), Basis);
        WriteVerbose($"Measuring {_members.Count} users piped in for {string.Join(", ", measurement.Services)} from {source.Description}.");
        foreach (var service in measurement.Services)
        {
            Guard(() =>
            {
                foreach (var usage in CohortMeasurement.Measure(source, _members, new[] { service }, AsOf, s => measurement.Goal(s).TargetPercent, StopToken))
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
}
