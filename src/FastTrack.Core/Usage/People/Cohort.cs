using System;
using System.Linq;
using FastTrack.Core.Playbook;
using FastTrack.Core.Text;

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
    public override string ToString() => System.FormattableString.Invariant($"{Identity} ({Service}: {Reason})");
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
    public JoinedList<AbsentUser> Absent { get; internal set; } = new();

    public override string ToString() => System.FormattableString.Invariant($"{Group ?? "cohort"} {Service} {ActiveUsagePercent?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}% ({Active}/{Licensed})");
}
