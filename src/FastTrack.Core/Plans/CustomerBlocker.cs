using System;
using FastTrack.Core.Playbook;

namespace FastTrack.Core.Plans;

/// <summary>A blocker with the plan it belongs to: what Get-FtBlocker emits, so that
/// `Get-FtBlocker -Open | Resolve-FtBlocker -Resolution ...` binds TenantId and Id by property name.</summary>
public sealed class CustomerBlocker
{
    public CustomerBlocker(CustomerPlan plan, Blocker blocker)
    {
        TenantId = plan.TenantId;
        Customer = plan.Customer;
        Revision = plan.Revision;
        Id = blocker.Id;
        Service = blocker.Service;
        Description = blocker.Description;
        Category = blocker.Category;
        Owner = blocker.Owner;
        Opened = blocker.Opened;
        Resolved = blocker.Resolved;
        Resolution = blocker.Resolution;
    }

    public Guid TenantId { get; }
    public string Customer { get; }
    public long Revision { get; }
    public int Id { get; }
    public M365Service? Service { get; }
    public string Description { get; }
    public string? Category { get; }
    public string? Owner { get; }
    public DateTime Opened { get; }
    public DateTime? Resolved { get; }
    public string? Resolution { get; }
    public bool IsOpen => Resolved is null;

    public override string ToString() => $"{Customer} #{Id} {Description}";
}
