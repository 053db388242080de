using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;

namespace FastTrack.Core.Tests.Plans;

/// <summary>Issue 17: what a change does to a plan, field by field, for -WhatIf and -Confirm.</summary>
public sealed class PlanDifferencesTests
{
    private static CustomerPlan Plan()
    {
        var plan = CustomerPlan.New(PlaybookCatalog.Default, Guid.Parse("6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9b0e13"), "Contoso", new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        plan.Service(M365Service.Teams).Intended = true;
        return plan;
    }

    private static CustomerPlan Copy(CustomerPlan plan) => PlanSerializer.Deserialize(PlanSerializer.Serialize(plan), "copy");

    [Fact]
    public void A_changed_field_of_a_service_is_named_by_the_service_with_both_values()
    {
        var before = Plan();
        var after = Copy(before);
        after.Service(M365Service.Teams).TargetAU = 25;
        Assert.Equal(new[] { "services Teams targetAU 10.0 → 25.0" }, PlanDifferences.Between(before, after));
    }

    [Fact]
    public void Entries_are_matched_by_identity_not_place_and_an_added_one_is_summarised()
    {
        var before = Plan();
        before.Blockers.Add(new Blocker { Id = 1, Description = "Old", Opened = new DateTime(2026, 11, 1) });
        var after = Copy(before);
        after.Blockers.Insert(0, new Blocker { Id = 2, Description = "Proxy", Opened = new DateTime(2026, 11, 24) });
        var differences = PlanDifferences.Between(before, after);
        Assert.Equal("blockers 2 added: id 2, description 'Proxy', opened '2026-11-24'", Assert.Single(differences));
    }

    [Fact]
    public void A_task_is_named_by_its_id_and_service()
    {
        var before = Plan();
        var after = Copy(before);
        var task = after.Tasks.First(t => t.TaskId == 3731);
        task.Status = TaskState.Done;
        Assert.Contains("tasks 3731 Teams status 'NotStarted' → 'Done'", PlanDifferences.Between(before, after));
    }

    [Fact]
    public void The_store_s_bookkeeping_is_no_change_and_an_unchanged_plan_has_none()
    {
        var before = Plan();
        var after = Copy(before);
        after.Revision = 7;
        after.ModifiedBy = "someone";
        Assert.Empty(PlanDifferences.Between(before, after));
    }

    [Fact]
    public void A_list_without_identities_is_shown_whole_and_a_phase_change_names_both_phases()
    {
        var before = Plan();
        var after = Copy(before);
        PlanChanges.ChangePhase(PlanPhase.Closed, "ftm", new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), false, null, new List<string>())(after);
        var differences = PlanDifferences.Between(before, after);
        Assert.Contains("phase 'SuccessExecution' → 'Closed'", differences);
        Assert.Contains(differences, d => d.StartsWith("phaseHistory (none) → from 'SuccessExecution', to 'Closed'", StringComparison.Ordinal));
    }
}
