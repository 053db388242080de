using System;

namespace FastTrack.Core.Plans;

/// <summary>Where an FTOP task stands for this customer.</summary>
public sealed class TaskProgress
{
    public int TaskId { get; set; }
    public TaskState Status { get; set; }
    public string? Owner { get; set; }
    public DateTime? Due { get; set; }
    public DateTime? DoneOn { get; set; }
    public string? Note { get; set; }
}
