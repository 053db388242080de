using System;
using FastTrack.Core.Playbook;
using FastTrack.Core.Text;

namespace FastTrack.Core.Plans;

/// <summary>A success check-in meeting: planned, then recorded as held or missed, with notes.</summary>
public sealed class CheckIn
{
    /// <summary>Numbered per plan, so `Set-FtCheckIn -Id 3 -Status Held` is easy to type.</summary>
    public int Id { get; set; }
    /// <summary>Local date and time the meeting starts.</summary>
    public DateTime Date { get; set; }
    public int DurationMinutes { get; set; } = 30;
    public JoinedList<M365Service> Services { get; set; } = new();
    public CheckInStatus Status { get; set; }
    public string? Notes { get; set; }
    /// <summary>Who recorded the outcome, and when.</summary>
    public string? RecordedBy { get; set; }
    public DateTimeOffset? RecordedOn { get; set; }

    public bool IsPlanned => Status == CheckInStatus.Planned;

    public override string ToString() => System.FormattableString.Invariant($"#{Id} {Date:yyyy-MM-dd HH:mm} {Status}");
}

public enum CheckInStatus
{
    Planned,
    Held,
    Missed,
}
