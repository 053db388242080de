using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Usage.People;

/// <summary>A user piped in: the identity found on it and its -GroupBy value.</summary>
public sealed class CohortMember
{
    public CohortMember(string identity, string? group)
    {
        Identity = identity.Trim();
        Group = group;
    }

    public string Identity { get; }
    public string? Group { get; }
}

public enum AbsenceReason
{
    /// <summary>In the report, but without a licence for the service.</summary>
    NotLicensed,
    /// <summary>In the report as a deleted user.</summary>
    Deleted,
    /// <summary>Not in the report at all (another tenant, a mail address that is not the UPN, a guest).</summary>
    NotInReport,
}

public sealed class AbsentUser
{
    public AbsentUser(string identity, M365Service service, AbsenceReason reason)
    {
        Identity = identity;
        Service = service;
        Reason = reason;
    }

    public string Identity { get; }
    public M365Service Service { get; }
    public AbsenceReason Reason { get; }
    public override string ToString() => $"{Identity} ({Service}: {Reason})";
}

/// <summary>AU of a set of users for one service (and one -GroupBy group): active ÷ members licensed for it.</summary>
public sealed class CohortUsage
{
    public string? Group { get; internal set; }
    public M365Service Service { get; internal set; }
    public DateTime AsOf { get; internal set; }
    public int Members { get; internal set; }
    /// <summary>The denominator: members licensed for the service.</summary>
    public int Licensed { get; internal set; }
    public int Active { get; internal set; }
    public double? ActiveUsagePercent { get; internal set; }
    public double TargetPercent { get; internal set; }
    public bool? MeetsTarget => ActiveUsagePercent is { } p ? p >= TargetPercent : null;
    public int NotLicensed => Absent.Count(a => a.Reason == AbsenceReason.NotLicensed);
    public int Deleted => Absent.Count(a => a.Reason == AbsenceReason.Deleted);
    public int NotInReport => Absent.Count(a => a.Reason == AbsenceReason.NotInReport);
    /// <summary>Members not counted in the denominator, each with why.</summary>
    public IReadOnlyList<AbsentUser> Absent { get; internal set; } = Array.Empty<AbsentUser>();

    public override string ToString() => $"{Group ?? "cohort"} {Service} {ActiveUsagePercent?.ToString("0.0") ?? "-"}% ({Active}/{Licensed})";
}

/// <summary>Measures AU for the users piped in, per service and group, in one streaming pass per report.</summary>
public static class CohortMeasurement
{
    public static IReadOnlyList<CohortUsage> Measure(IUsageDataSource source, IReadOnlyCollection<CohortMember> members, IReadOnlyList<M365Service> services,
        DateTime? asOf, Func<M365Service, double> target, CancellationToken cancellationToken = default)
    {
        // The same user piped twice counts once; identities match the reports case-insensitively.
        var byIdentity = new Dictionary<string, CohortMember>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in members) if (member.Identity.Length > 0 && !byIdentity.ContainsKey(member.Identity)) byIdentity[member.Identity] = member;
        var groups = byIdentity.Values.GroupBy(m => m.Group ?? "").Select(g => g.Key).OrderBy(g => g, StringComparer.CurrentCultureIgnoreCase).ToList();
        var results = new List<CohortUsage>();
        var users = new UsageReports.UsersSeen(); // one table for every report read
        foreach (var service in services)
        {
            var seen = new Dictionary<string, (bool Licensed, bool Active, bool Deleted)>(StringComparer.OrdinalIgnoreCase);
            var asOfDate = DateTime.MinValue;
            UserActivityReader.Read(source, new[] { service }, asOf, user =>
            {
                asOfDate = user.AsOf;
                if (!byIdentity.ContainsKey(user.UserPrincipalName)) return;
                // A live row wins over a deleted one of the same name.
                if (seen.TryGetValue(user.UserPrincipalName, out var earlier) && !earlier.Deleted) return;
                seen[user.UserPrincipalName] = (user.IsLicensed, user.ActiveInWindow, user.IsDeleted);
            }, users, null, cancellationToken);
            foreach (var group in groups)
            {
                var inGroup = byIdentity.Values.Where(m => (m.Group ?? "") == group).ToList();
                var absent = new List<AbsentUser>();
                int licensed = 0, active = 0;
                foreach (var member in inGroup)
                {
                    if (!seen.TryGetValue(member.Identity, out var row)) absent.Add(new AbsentUser(member.Identity, service, AbsenceReason.NotInReport));
                    else if (row.Deleted) absent.Add(new AbsentUser(member.Identity, service, AbsenceReason.Deleted));
                    else if (!row.Licensed) absent.Add(new AbsentUser(member.Identity, service, AbsenceReason.NotLicensed));
                    else
                    {
                        licensed++;
                        if (row.Active) active++;
                    }
                }
                results.Add(new CohortUsage
                {
                    Group = group.Length == 0 ? null : group,
                    Service = service,
                    AsOf = asOfDate,
                    Members = inGroup.Count,
                    Licensed = licensed,
                    Active = active,
                    ActiveUsagePercent = licensed > 0 ? Math.Round(active * 100.0 / licensed, 1, MidpointRounding.AwayFromZero) : null,
                    TargetPercent = target(service),
                    Absent = absent,
                });
            }
        }
        return results;
    }
}
