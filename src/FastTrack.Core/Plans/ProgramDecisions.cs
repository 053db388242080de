using System;
using System.Collections.Generic;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Plans;

/// <summary>The programs the customer was offered: the Microsoft adoption service program for OneDrive
/// (tasks 3740, 3741, 3743) and service acceleration (task 3650) for the services that need a focus.</summary>
public sealed class ProgramDecisions
{
    public ProgramDecision OneDriveAdoption { get; set; } = ProgramDecision.Undecided;
    public DateTime? OneDriveAdoptionDecidedOn { get; set; }
    public List<M365Service> ServiceAcceleration { get; set; } = new();
}
