using System;
using System.Collections.Generic;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.UsageReports;

/// <summary>Counts from one active-user tally of a report.</summary>
public sealed class ServiceTally
{
    /// <summary>Users active in the 28 days ending at the refresh date.</summary>
    public long Active { get; internal set; }
    /// <summary>Users the report says hold the service's licence (deleted users excluded).</summary>
    public long Licensed { get; internal set; }
}

/// <summary>What one pass over a report found.</summary>
public sealed class ReportScan
{
    internal ReportScan(ReportKind kind, string sourceName)
    {
        Kind = kind;
        SourceName = sourceName;
    }

    public ReportKind Kind { get; }
    public string SourceName { get; }
    public DateTime? RefreshDate { get; internal set; }
    public long Rows { get; internal set; }
    public long DeletedRows { get; internal set; }
    public bool ConcealedNames { get; internal set; }
    public string? TenantDisplayName { get; internal set; }
    public Dictionary<M365Service, ServiceTally> Tallies { get; } = new();
    /// <summary>Users active in the window with each app (Microsoft 365 Copilot's per-app columns), in the report's
    /// order; empty for reports without per-app columns.</summary>
    public Dictionary<string, long> AppActive { get; } = new(StringComparer.Ordinal);
    /// <summary>The domains of the first live, named users, with how many: whose organisation the report is.</summary>
    public Dictionary<string, int> UserDomains { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many users' domains are sampled: enough to know the organisation, cheap on a million rows.</summary>
    internal const int DomainSample = 2000;

    internal void SeeDomain(ReadOnlySpan<char> userPrincipalName)
    {
        var at = userPrincipalName.LastIndexOf('@');
        if (at < 0 || at == userPrincipalName.Length - 1) return;
        var domain = userPrincipalName.Slice(at + 1).ToString();
        UserDomains[domain] = UserDomains.TryGetValue(domain, out var n) ? n + 1 : 1;
    }
}
