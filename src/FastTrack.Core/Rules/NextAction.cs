using System;
using FastTrack.Core.Playbook;
using FastTrack.Core.Text;

namespace FastTrack.Core.Rules;

/// <summary>One thing to do now for a customer, with the reason.</summary>
public sealed class NextAction
{
    internal NextAction(NextActionKind kind, string title, string why)
    {
        Kind = kind;
        Title = title;
        Why = why;
    }

    public Guid TenantId { get; internal set; }
    public string Customer { get; internal set; } = "";
    public int Order { get; internal set; }
    public NextActionKind Kind { get; }
    public string Title { get; }
    public string Why { get; }
    public JoinedList<M365Service> Services { get; internal set; } = new();
    public int? TaskId { get; internal set; }
    public int? BlockerId { get; internal set; }
    /// <summary>The check-in to record as held or missed (Set-FtCheckIn -Id).</summary>
    public int? CheckInId { get; internal set; }
    public string? Activity { get; internal set; }
    /// <summary>Mandatory or Optional, as the page marks the task; Mandatory for blockers, key inputs and decisions.</summary>
    public Applicability Requirement { get; internal set; } = Applicability.Mandatory;
    public DateTime? Due { get; internal set; }

    public override string ToString() => $"{Order}. {Title}";
}
