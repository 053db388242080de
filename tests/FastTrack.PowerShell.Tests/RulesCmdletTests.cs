using System.Management.Automation;

namespace FastTrack.PowerShell.Tests;

/// <summary>The playbook-in-action cmdlets on a real workspace in the real engine.</summary>
public sealed class RulesCmdletTests : IClassFixture<ModuleSession>, IDisposable
{
    private const string Contoso = "6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11";
    private readonly ModuleSession _session;
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));

    public RulesCmdletTests(ModuleSession session)
    {
        _session = session;
        Run($"New-FtCustomerPlan -TenantId {Contoso} -Customer Contoso -CsmName 'Avery Smith' -IntendedService Teams, OneDrive -Workspace $args[0] | Out-Null; " +
            $"Set-FtCustomerPlan -TenantId {Contoso} -Service Teams, OneDrive -EnabledOn 2026-09-01 -CommunicatedOn 2026-09-10 -Workspace $args[0]").AssertNoErrors();
    }

    public void Dispose()
    {
        try { Directory.Delete(_workspace, true); } catch (IOException) { }
    }

    private ScriptResult Run(string script, params object[] more) => _session.Run(script, new object[] { _workspace }.Concat(more).ToArray());

    [Fact]
    public void Next_actions_come_in_order_with_reasons()
    {
        var actions = Run("Get-FtNextAction -Workspace $args[0]").Output;
        Assert.Equal(Enumerable.Range(1, actions.Count), actions.Select(a => (int)a.Prop("Order")!));
        Assert.Equal("CustomerDecision", actions[0].Str("Kind"));
        Assert.Contains("Microsoft Adoption Service Program", actions[0].Str("Title"));
        var handshake = Assert.Single(actions, a => (int?)a.Prop("TaskId") == 3731);
        Assert.Contains("CSM Avery Smith is assigned and Teams was enabled on 2026-09-01", handshake.Str("Why"));
        var checkIns = Assert.Single(actions, a => a.Str("Activity") == "ScheduleCheckIns");
        Assert.Equal("OneDrive", Assert.Single(((System.Collections.IEnumerable)checkIns.Prop("Services")!).Cast<object>()).ToString());
        Assert.Equal(Contoso, actions[0].Prop("TenantId")!.ToString());
    }

    [Fact]
    public void Next_actions_display_as_a_table_per_customer()
    {
        var text = _session.Display("Get-FtNextAction -Workspace $args[0]", _workspace);
        Assert.Contains("Customer: Contoso", text);
        Assert.Matches(@"Order\s+Kind\s+Requirement\s+Title", text);
        Assert.Matches(@"\d+\s+Task\s+Optional\s+3731 Teams - Post Enablement Field Handshake", text);
    }

    [Fact]
    public void Tasks_pipe_into_Set_FtTask_by_TenantId_and_TaskId()
    {
        Run($"Get-FtTask -TenantId {Contoso} -Id 3731 -Workspace $args[0] | Set-FtTask -Status Done -Workspace $args[0]").AssertNoErrors();
        var task = Run($"Get-FtTask -TenantId {Contoso} -Id 3731 -Workspace $args[0]").Single();
        Assert.Equal("Done", task.Str("Status"));
        Assert.Equal(DateTime.Today, task.Prop("DoneOn"));
        Assert.DoesNotContain(Run($"Get-FtTask -TenantId {Contoso} -Outstanding -Workspace $args[0]").Output, t => (int)t.Prop("TaskId")! == 3731);
        var unknown = Assert.Single(Run($"Set-FtTask -TenantId {Contoso} -Id 42 -Status Done -Workspace $args[0]").Errors);
        Assert.Equal("TaskNotFound,FastTrack.PowerShell.Rules.SetFtTaskCommand", unknown.FullyQualifiedErrorId);
    }

    [Fact]
    public void Criteria_report_each_key_input_and_outcome()
    {
        var criteria = Run($"Get-FtCustomerPlan -TenantId {Contoso} -Workspace $args[0] | Test-FtSuccessCriteria").Output;
        Assert.Equal(new[] { "ServicesEnabledAndCommunicated", "CsmLeadsModernComms", "UsersTrained", "SuccessGoalsTracked", "ActiveUsageGoalMet", "MandatoryTasksDone", "CheckInCadence" },
            criteria.Select(c => c.Str("Id")));
        Assert.Equal(new[] { true, true, true, true, true, true, false }, criteria.Select(c => (bool)c.Prop("Gates")!));
        Assert.Equal("Pass", criteria[0].Str("Result"));
        Assert.Equal("Unknown", criteria[4].Str("Result"));
        Assert.Equal(false, Run($"Test-FtSuccessCriteria -TenantId {Contoso} -Quiet -Workspace $args[0]").Single().BaseObject);
        var spanish = Run($"Test-FtSuccessCriteria -TenantId {Contoso} -Culture es-ES -Workspace $args[0]").Output[4];
        Assert.StartsWith("El cliente cumple o supera el objetivo del 10 % de AU", spanish.Str("Text"));
        Assert.StartsWith("sin medir: el AU de Teams no se ha medido", spanish.Str("Evidence"));
    }

    [Fact]
    public void Promotion_is_refused_while_criteria_fail_and_forcing_needs_a_reason_that_is_kept()
    {
        var before = File.ReadAllBytes(Path.Combine(_workspace, "plans", Contoso + ".json"));
        var refused = Assert.Single(Run($"Complete-FtSuccessExecution -TenantId {Contoso} -Workspace $args[0]").Errors);
        Assert.Equal("SuccessCriteriaNotMet,FastTrack.PowerShell.Rules.CompleteFtSuccessExecutionCommand", refused.FullyQualifiedErrorId);
        Assert.Contains("ActiveUsageGoalMet is Unknown", refused.Exception.Message);
        var noReason = Assert.Single(Run($"Complete-FtSuccessExecution -TenantId {Contoso} -Force -Workspace $args[0]").Errors);
        Assert.StartsWith("ReasonRequired,", noReason.FullyQualifiedErrorId);
        Run($"Complete-FtSuccessExecution -TenantId {Contoso} -Force -Reason 'Agreed with the CSM' -WhatIf -Workspace $args[0]").AssertNoErrors();
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(_workspace, "plans", Contoso + ".json")));

        var plan = Run($"Complete-FtSuccessExecution -TenantId {Contoso} -Force -Reason 'Agreed with the CSM' -PassThru -Workspace $args[0]").Single();
        Assert.Equal("SuccessReview", plan.Str("Phase"));
        var change = Run("$args[1].PhaseHistory[0]", plan).Single();
        Assert.Equal(true, change.Prop("Forced"));
        Assert.Equal("Agreed with the CSM", change.Str("Reason"));
        Assert.Equal(Environment.UserName, change.Str("By"));
        Assert.Contains("ActiveUsageGoalMet: Unknown", ((System.Collections.IEnumerable)change.Prop("FailedCriteria")!).Cast<object>().Select(o => o.ToString()));
        var again = Assert.Single(Run($"Complete-FtSuccessExecution -TenantId {Contoso} -Workspace $args[0]").Errors);
        Assert.StartsWith("AlreadyPromoted,", again.FullyQualifiedErrorId);
    }

    [Fact]
    public void The_handshake_hands_enabled_workloads_to_the_CSM_and_writes_notes()
    {
        var notes = Run($"Get-FtCustomerPlan -TenantId {Contoso} -Workspace $args[0] | Invoke-FtHandshake -Workspace $args[0]").Output;
        var note = Assert.Single(notes);
        Assert.Equal("Teams", note.Str("Workload"));
        Assert.Equal(true, note.Prop("CsmOwnsAdoption"));
        Assert.Equal("Avery Smith", note.Str("CsmName"));
        Assert.Equal("Done", Run($"(Get-FtTask -TenantId {Contoso} -Id 3731 -Workspace $args[0]).Status").Single().ToString());

        var markdown = Run($"Invoke-FtHandshake -TenantId {Contoso} -Service Teams -AsMarkdown -Workspace $args[0]").Single().ToString();
        Assert.Contains("### Teams handoff: Contoso", markdown);
        Assert.Contains("Avery Smith now owns Teams adoption", markdown);

        var nothing = Assert.Single(Run($"Invoke-FtHandshake -TenantId {Contoso} -Workspace $args[0]").Errors);
        Assert.StartsWith("NoWorkloadToHandOver,", nothing.FullyQualifiedErrorId);
        var notEnabled = Assert.Single(Run($"Invoke-FtHandshake -TenantId {Contoso} -Service Yammer -Workspace $args[0]").Errors);
        Assert.Equal("WorkloadNotEnabled,FastTrack.PowerShell.Rules.InvokeFtHandshakeCommand", notEnabled.FullyQualifiedErrorId);
        var notComms = Assert.Single(Run($"Invoke-FtHandshake -TenantId {Contoso} -Service OneDrive -Workspace $args[0]").Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, notComms.CategoryInfo.Category);
        Run($"Set-FtCustomerPlan -TenantId {Contoso} -CsmName '' -CsmEmail '' -Workspace $args[0]").AssertNoErrors();
        var noCsm = Assert.Single(Run($"Invoke-FtHandshake -TenantId {Contoso} -Service Teams -Workspace $args[0]").Errors);
        Assert.StartsWith("NoCsmAssigned,", noCsm.FullyQualifiedErrorId);
    }

    [Fact]
    public void Check_ins_are_scheduled_and_exported_as_a_calendar()
    {
        Run($"Get-FtCustomerPlan -TenantId {Contoso} -Workspace $args[0] | New-FtCheckInSchedule -Start 2027-01-04 -Until 2027-02-28 -At 09:30 -Workspace $args[0]").AssertNoErrors();
        var checkIns = Run($"(Get-FtCustomerPlan -TenantId {Contoso} -Workspace $args[0]).CheckIns").Output;
        Assert.Equal(4, checkIns.Count); // Jan 4, 18, Feb 1, 15
        Assert.Equal(new DateTime(2027, 1, 4, 9, 30, 0), checkIns[0].Prop("Date"));

        var ics = Path.Combine(_workspace, "checkins.ics");
        Run("Export-FtCheckInCalendar -Path $args[1] -From 2027-01-01 -WhatIf -Workspace $args[0]", ics).AssertNoErrors();
        Assert.False(File.Exists(ics));
        var file = Run("Export-FtCheckInCalendar -Path $args[1] -From 2027-01-01 -PassThru -Workspace $args[0]", ics).Single();
        Assert.Equal(ics, file.Str("FullName"));
        Assert.Equal($@"Microsoft.PowerShell.Core\FileSystem::{ics}", file.Str("PSPath"));   // as Get-Item returns it
        var text = File.ReadAllText(ics);
        Assert.Equal(4, text.Split("BEGIN:VEVENT").Length - 1);
        Assert.Contains("SUMMARY:FastTrack success check-in: Contoso", text);
        var exists = Assert.Single(Run("Export-FtCheckInCalendar -Path $args[1] -Workspace $args[0]", ics).Errors);
        Assert.StartsWith("FileExists,", exists.FullyQualifiedErrorId);
    }

    [Fact]
    public void A_calendar_with_no_check_in_is_refused_and_no_file_is_written()
    {
        var ics = Path.Combine(_workspace, "none.ics");
        var refused = Assert.Single(Run("Export-FtCheckInCalendar -Path $args[1] -Workspace $args[0]", ics).Errors);
        Assert.Equal("NoCheckInsToExport,FastTrack.PowerShell.Rules.ExportFtCheckInCalendarCommand", refused.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, refused.CategoryInfo.Category);
        Assert.Contains("No check-in of Contoso is on or after", refused.Exception.Message);
        Assert.Contains("New-FtCheckInSchedule", refused.Exception.Message);
        Assert.False(File.Exists(ics));
    }
}
