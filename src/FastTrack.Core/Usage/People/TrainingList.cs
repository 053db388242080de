using System.Collections.Generic;
using FastTrack.Core.Playbook;
using FastTrack.Core.Text;

namespace FastTrack.Core.Usage.People;

/// <summary>Inactive users of a service (and group) to train. Service, Audience and Attendees bind by
/// property name to Add-FtTraining once the training is delivered.</summary>
public sealed class TrainingList
{
    public TrainingList(M365Service service, string? group, IReadOnlyList<string> users)
    {
        Service = service;
        Group = group;
        Users = users.ToJoinedList();
    }

    public M365Service Service { get; }
    public string? Group { get; }
    public JoinedList<string> Users { get; }
    public int Attendees => Users.Count;
    public string Audience => $"Inactive {Service} users" + (Group is null ? "" : $" in {Group}");

    public override string ToString() => $"{Audience}: {Attendees}";
}
