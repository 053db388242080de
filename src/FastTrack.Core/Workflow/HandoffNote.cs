using System;
using System.Globalization;
using System.Text;
using FastTrack.Core.Playbook;
using FastTrack.Core.Text;

namespace FastTrack.Core.Workflow;

/// <summary>What the FastTrack manager hands the CSM with a Modern Communications workload: where its
/// adoption stands, so the CSM can take over the success and adoption activities.</summary>
public sealed class HandoffNote
{
    public Guid TenantId { get; internal set; }
    public string Customer { get; internal set; } = "";
    public string CsmName { get; internal set; } = "";
    public string? CsmEmail { get; internal set; }
    public M365Service Workload { get; internal set; }
    public int TaskId { get; internal set; }
    public string TaskStatus { get; internal set; } = "";
    /// <summary>True once the handshake task is done: the CSM owns the workload's adoption.</summary>
    public bool CsmOwnsAdoption { get; internal set; }
    public double? ActiveUsagePercent { get; internal set; }
    public DateTime? AsOf { get; internal set; }
    public double TargetPercent { get; internal set; }
    public bool? MeetsTarget { get; internal set; }
    public string Trend { get; internal set; } = "";
    public JoinedList<string> OpenBlockers { get; internal set; } = new();

    /// <summary>A short note for Teams or e-mail.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine($"### {Workload} handoff: {Customer}");
        text.AppendLine();
        text.AppendLine($"- **CSM:** {CsmName}{(CsmEmail is null ? "" : $" ({CsmEmail})")} {(CsmOwnsAdoption ? "now owns" : "is taking over")} {Workload} adoption (task {TaskId}: {TaskStatus}).");
        text.AppendLine(ActiveUsagePercent is { } au
            ? $"- **Active usage:** {au.ToString("0.0", CultureInfo.InvariantCulture)}% on {AsOf:yyyy-MM-dd}, target {TargetPercent.ToString("0.#", CultureInfo.InvariantCulture)}% ({(MeetsTarget == true ? "met" : "not met")})."
            : $"- **Active usage:** not measured yet, target {TargetPercent.ToString("0.#", CultureInfo.InvariantCulture)}%.");
        text.AppendLine($"- **Trend:** {Trend}");
        text.AppendLine(OpenBlockers.Count == 0 ? "- **Open blockers:** none" : "- **Open blockers:**");
        foreach (var blocker in OpenBlockers) text.AppendLine($"  - {blocker}");
        return text.ToString();
    }

    public override string ToString() => $"{Customer}: {Workload} to {CsmName}";
}
