using System;
using System.IO;

namespace FastTrack.Core.Measurement;

/// <summary>What a command was asked to measure from: a folder of exported reports (-Path, already resolved
/// against the PowerShell location), the sample tenant (-Sample), or a connected tenant (-TenantId of
/// Get-FtUserActivity). Empty: the plan's own tenant decides. Report rows piped in (Import-Csv) are no source:
/// they are measured as they come.</summary>
public sealed class UsageSourceRequest
{
    /// <summary>Refuses a file where a folder belongs, before anything is read: -Path takes the folder.</summary>
    public UsageSourceRequest(string? folder = null, bool sample = false, Guid? tenantId = null)
    {
        if (folder is not null && File.Exists(folder)) throw MeasurementErrors.ReportFolderExpected(folder).ToException();
        Folder = folder;
        Sample = sample;
        TenantId = tenantId;
    }

    public string? Folder { get; }
    public bool Sample { get; }
    public Guid? TenantId { get; }
}
