using System;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Plans;

/// <summary>Something that keeps the customer's AU down: the page asks to identify, address and
/// resolve them. Numbered per plan, so `Resolve-FtBlocker -Id 3` is easy to type.</summary>
public sealed class Blocker
{
    public int Id { get; set; }
    public M365Service? Service { get; set; }
    public string Description { get; set; } = "";
    public string? Category { get; set; }
    public string? Owner { get; set; }
    public DateTime Opened { get; set; }
    public DateTime? Resolved { get; set; }
    public string? Resolution { get; set; }

    public bool IsOpen => Resolved is null;

    public override string ToString() => $"#{Id} {Description}";
}
