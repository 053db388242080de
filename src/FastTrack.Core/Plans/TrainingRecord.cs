using System;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Plans;

/// <summary>Training delivered, the evidence for the key outcome "users are aware of how to use the
/// new services by receiving some form of training". Attendees are counted against the service's
/// licensed users to show the training's reach.</summary>
public sealed class TrainingRecord
{
    public M365Service Service { get; set; }
    public DateTime Date { get; set; }
    public string Audience { get; set; } = "";
    public int? Attendees { get; set; }

    public override string ToString() => System.FormattableString.Invariant($"{Date:yyyy-MM-dd} {Service}: {Audience}{(Attendees is { } count ? $" ({count} attendees)" : "")}");
}
