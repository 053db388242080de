using System;
using System.Collections.Generic;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Usage.Reports;

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
}
