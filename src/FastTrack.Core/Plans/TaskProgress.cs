using System;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Plans;

/// <summary>Where an FTOP task stands for this customer and one service. Progress is kept per task and
/// service, so a task that can apply to several services never shares one status between them.</summary>
public sealed class TaskProgress
{
    public int TaskId { get; set; }
    public M365Service Service { get; set; }
    public TaskState Status { get; set; }
    public string? Owner { get; set; }
    public DateTime? Due { get; set; }
    public DateTime? DoneOn { get; set; }
    public string? Note { get; set; }
    /// <summary>Why the team marked the task NotApplicable: without it a mandatory task is still open.</summary>
    public string? Reason { get; set; }

    /// <summary>Done, or marked not applicable with a recorded reason: nothing is left to do.</summary>
    public bool IsClosed => Status == TaskState.Done || (Status == TaskState.NotApplicable && !string.IsNullOrWhiteSpace(Reason));

    public override string ToString() => $"{TaskId} {Service}: {Status}";
}
