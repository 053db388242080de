using System;
using FastTrack.Core.Playbook;
using FastTrack.Core.Text;

namespace FastTrack.Core.Plans;

/// <summary>A check-in with the plan it belongs to: what Get-FtCheckIn emits, so that
/// `Get-FtCheckIn -Unrecorded | Set-FtCheckIn -Status Held` binds TenantId and Id by property name.</summary>
public sealed class CustomerCheckIn
{
    public CustomerCheckIn(CustomerPlan plan, CheckIn checkIn)
    {
        TenantId = plan.TenantId;
        Customer = plan.Customer;
        Id = checkIn.Id;
        Date = checkIn.Date;
        DurationMinutes = checkIn.DurationMinutes;
        Services = checkIn.Services;
        Status = checkIn.Status;
        Notes = checkIn.Notes;
        RecordedBy = checkIn.RecordedBy;
        RecordedOn = checkIn.RecordedOn;
    }

    public Guid TenantId { get; }
    public string Customer { get; }
    public int Id { get; }
    public DateTime Date { get; }
    public int DurationMinutes { get; }
    public JoinedList<M365Service> Services { get; }
    public CheckInStatus Status { get; }
    public string? Notes { get; }
    public string? RecordedBy { get; }
    public DateTimeOffset? RecordedOn { get; }

    public override string ToString() => System.FormattableString.Invariant($"{Customer} #{Id} {Date:yyyy-MM-dd HH:mm} {Status}");
}
