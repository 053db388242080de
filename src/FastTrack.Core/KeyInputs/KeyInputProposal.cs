using System;
using FastTrack.Core.Plans;
using FastTrack.Core.Playbook;
using FastTrack.Core.Text;

namespace FastTrack.Core.KeyInputs;

/// <summary>An enabled date found in the tenant's data for one service of one plan, with where it comes from;
/// nothing is set until it is piped to Set-FtCustomerPlan (which -WhatIf and -Confirm guard).</summary>
public sealed class KeyInputProposal
{
    public Guid TenantId { get; set; }
    public string Customer { get; set; } = "";
    public M365Service Service { get; set; }
    /// <summary>The enabled date found, or null (<see cref="KeyInputStatus.NotFound"/>).</summary>
    public DateTime? EnabledOn { get; set; }
    /// <summary>What gave the date: "plan TEAMS1" (its assignedDateTime in assignedPlans) or "activity in D180 counts".</summary>
    public string? Source { get; set; }
    /// <summary>Where it was read: the tenant's Graph connection, or the sample tenant.</summary>
    public string From { get; set; } = "";
    /// <summary>Everything read for the service, whether it gave the date or not.</summary>
    public JoinedList<string> Evidence { get; set; } = new();
    public DateTime? CurrentEnabledOn { get; set; }
    /// <summary>Where the plan's current date came from: null when it was entered by hand.</summary>
    public string? CurrentSource { get; set; }
    public KeyInputStatus Status { get; set; }

    /// <summary>Whether setting it changes the plan.</summary>
    public bool Changes => Status is KeyInputStatus.New or KeyInputStatus.Differs;

    /// <summary>Sets the found date and its source, unless the plan's date changed since it was found (then only
    /// with <paramref name="force"/>): the user confirmed a change from what they saw, not from what is there now.</summary>
    public void ApplyTo(CustomerPlan plan, bool force)
    {
        if (EnabledOn is null) return;
        var entry = plan.Service(Service);
        if (!force && entry.EnabledOn != CurrentEnabledOn)
            throw KeyInputErrors.KeyInputChangedSince(plan.Customer, Service.ToString(), Day(CurrentEnabledOn), Day(entry.EnabledOn)).ToException();
        entry.EnabledOn = EnabledOn.Value.Date;
        entry.EnabledSource = $"{Source}, from {From}";
    }

    private static string Day(DateTime? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    public override string ToString() => $"{Customer} {Service}: {(EnabledOn is { } on ? $"enabled {on:yyyy-MM-dd} ({Source})" : "not found")}";
}
