using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Rules;

/// <summary>Whether an FTOP task applies to a customer's service, where it stands, and why.</summary>
public sealed class TaskDecision
{
    internal TaskDecision(int taskId, string name, string activity, M365Service service, Applicability applicability, string why, TaskProgress progress)
    {
        TaskId = taskId;
        Name = name;
        Activity = activity;
        Service = service;
        Applicability = applicability;
        Why = why;
        Status = progress.Status;
        Owner = progress.Owner;
        Due = progress.Due;
        DoneOn = progress.DoneOn;
        Note = progress.Note;
        Reason = progress.Reason;
        IsClosed = progress.IsClosed;
    }

    public System.Guid TenantId { get; internal set; }
    public string Customer { get; internal set; } = "";
    public int TaskId { get; }
    public string Name { get; }
    public string Activity { get; }
    public M365Service Service { get; }
    public Applicability Applicability { get; }
    public string Why { get; }
    public TaskState Status { get; }
    public string? Owner { get; }
    public System.DateTime? Due { get; }
    public System.DateTime? DoneOn { get; }
    public string? Note { get; }
    /// <summary>Why the team marked the task not applicable.</summary>
    public string? Reason { get; }
    /// <summary>Done, or marked not applicable with a recorded reason.</summary>
    public bool IsClosed { get; }

    public bool Applies => Applicability is Applicability.Mandatory or Applicability.Optional;
    /// <summary>Applies and is not closed: not done, and not marked not applicable with a reason.</summary>
    public bool IsOutstanding => Applies && !IsClosed;

    public override string ToString() => $"{TaskId} {Name}: {Applicability}, {Status}";
}
