using System;
using System.Collections.Generic;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Plans;

/// <summary>A success check-in meeting, planned or held.</summary>
public sealed class CheckIn
{
    /// <summary>Local date and time the meeting starts.</summary>
    public DateTime Date { get; set; }
    public int DurationMinutes { get; set; } = 30;
    public List<M365Service> Services { get; set; } = new();
    public bool Held { get; set; }
    public string? Notes { get; set; }
}
