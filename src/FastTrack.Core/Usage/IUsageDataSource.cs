using System;
using System.Collections.Generic;
using System.IO;
using FastTrack.Core.Licensing;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Usage;

/// <summary>Where usage reports come from: a folder of exported CSVs, the sample tenant, or (its own
/// issue) Microsoft Graph. One abstraction, so the engine does not care.</summary>
public interface IUsageDataSource
{
    /// <summary>Says where the data comes from, in results and messages (never a secret).</summary>
    string Description { get; }

    /// <summary>The tenant, when the source knows it.</summary>
    Guid? TenantId { get; }

    /// <summary>The organisation's name, when the source knows it.</summary>
    string? Customer { get; }

    /// <summary>The report's CSV as Graph serves it, or null when the source does not have it.</summary>
    ReportContent? OpenReport(ReportKind kind, DateTime? asOf);

    /// <summary>The tenant's subscriptions, or null when the source has none.</summary>
    IReadOnlyList<SubscribedSku>? SubscribedSkus();
}

/// <summary>An open report: its bytes and the name errors should use for it.</summary>
public sealed class ReportContent : IDisposable
{
    public ReportContent(Stream stream, string name, long? length)
    {
        Stream = stream;
        Name = name;
        Length = length;
    }

    public Stream Stream { get; }
    public string Name { get; }
    public long? Length { get; }

    public void Dispose() => Stream.Dispose();
}
