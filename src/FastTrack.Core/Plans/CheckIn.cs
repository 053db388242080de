using System;
using System.Collections.Generic;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Plans;

/// <summary>A success check-in meeting, planned or held.</summary>
public sealed class CheckIn
{
    public DateTime Date { get; set; }
    public List<M365Service> Services { get; set; } = new();
    public bool Held { get; set; }
    public string? Notes { get; set; }
}
