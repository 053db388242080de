using System;
using FastTrack.Core.Playbook;
using FastTrack.Core.Text;

namespace FastTrack.Core.Plans;

/// <summary>The programs the customer was offered: the Microsoft adoption service program for OneDrive
/// (tasks 3740, 3741, 3743) and service acceleration (task 3650) for the services that need a focus.</summary>
public sealed class ProgramDecisions
{
    public ProgramDecision OneDriveAdoption { get; set; } = ProgramDecision.Undecided;
    public DateTime? OneDriveAdoptionDecidedOn { get; set; }
    public JoinedList<M365Service> ServiceAcceleration { get; set; } = new();

    public override string ToString() =>
        $"OneDrive adoption: {OneDriveAdoption}{(ServiceAcceleration.Count == 0 ? "" : $"; service acceleration: {ServiceAcceleration}")}";
}
