using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FastTrack.Core.Playbook;
using FastTrack.Core.UsageReports;
using FastTrack.Core.Text;

namespace FastTrack.Core.Usage.People;

/// <summary>Measures AU for the users piped in, per service and group, in one streaming pass per report:
/// active ÷ those of them licensed for the service; the others are listed as absent, each with why.</summary>
public static class CohortMeasurement
{
    public static IReadOnlyList<CohortUsage> Measure(IUsageDataSource source, IReadOnlyCollection<CohortMember> members, IReadOnlyList<M365Service> services,
        DateTime? asOf, Func<M365Service, double> target, CancellationToken cancellationToken = default)
    {
        // The same user piped twice counts once; identities match the reports case-insensitively.
        var byIdentity = new Dictionary<string, CohortMember>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in members) if (member.Identity.Length > 0 && !byIdentity.ContainsKey(member.Identity)) byIdentity[member.Identity] = member;
        var groups = byIdentity.Values.GroupBy(m => m.Group ?? "").OrderBy(g => g.Key, StringComparer.CurrentCultureIgnoreCase).ToList();
        var results = new List<CohortUsage>();
        var users = new UsersSeen(); // one table for every report read
        foreach (var service in services)
        {
            var (rows, refreshed) = Rows(source, service, byIdentity, asOf, users, cancellationToken);
            results.AddRange(groups.Select(group => Tally(group.Key, group.ToList(), service, rows, refreshed, target(service))));
        }
        return results;
    }

    private readonly struct MemberRow
    {
        public MemberRow(bool licensed, bool active, bool deleted)
        {
            Licensed = licensed;
            Active = active;
            Deleted = deleted;
        }

        public bool Licensed { get; }
        public bool Active { get; }
        public bool Deleted { get; }
    }

    // The report's row of each member, and the report's refresh date.
    private static (Dictionary<string, MemberRow> Rows, DateTime Refreshed) Rows(IUsageDataSource source, M365Service service,
        Dictionary<string, CohortMember> members, DateTime? asOf, UsersSeen users, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, MemberRow>(StringComparer.OrdinalIgnoreCase);
        var refreshed = DateTime.MinValue;
        UserActivityReader.Read(source, new[] { service }, asOf, user =>
        {
            refreshed = user.AsOf;
            if (!members.ContainsKey(user.UserPrincipalName)) return;
            // A live row wins over a deleted one of the same name.
            if (rows.TryGetValue(user.UserPrincipalName, out var earlier) && !earlier.Deleted) return;
            rows[user.UserPrincipalName] = new MemberRow(user.IsLicensed, user.ActiveInWindow, user.IsDeleted);
        }, users, null, cancellationToken);
        return (rows, refreshed);
    }

    private static CohortUsage Tally(string group, IReadOnlyList<CohortMember> inGroup, M365Service service, Dictionary<string, MemberRow> rows, DateTime refreshed, double target)
    {
        var absent = new List<AbsentUser>();
        int licensed = 0, active = 0;
        foreach (var member in inGroup)
        {
            if (!rows.TryGetValue(member.Identity, out var row)) absent.Add(new AbsentUser(member.Identity, service, AbsenceReason.NotInReport));
            else if (row.Deleted) absent.Add(new AbsentUser(member.Identity, service, AbsenceReason.Deleted));
            else if (!row.Licensed) absent.Add(new AbsentUser(member.Identity, service, AbsenceReason.NotLicensed));
            else
            {
                licensed++;
                if (row.Active) active++;
            }
        }
        return new CohortUsage
        {
            Group = group.Length == 0 ? null : group,
            Service = service,
            AsOf = refreshed,
            Members = inGroup.Count,
            Licensed = licensed,
            Active = active,
            ActiveUsagePercent = licensed > 0 ? Math.Round(active * 100.0 / licensed, 1, MidpointRounding.AwayFromZero) : null,
            TargetPercent = target,
            Absent = absent.ToJoinedList(),
        };
    }
}
