namespace FastTrack.PowerShell.Tests;

public sealed class PlaybookCmdletTests : IClassFixture<ModuleSession>
{
    private readonly ModuleSession _session;

    public PlaybookCmdletTests(ModuleSession session) => _session = session;

    [Fact]
    public void Get_FtPlaybookTask_lists_the_seven_tasks_of_the_page_as_typed_objects()
    {
        var tasks = _session.Run("Get-FtPlaybookTask").Output;
        Assert.Equal(new[] { 3731, 3732, 3733, 3740, 3741, 3743, 3650 }, tasks.Select(t => (int)t.Prop("Id")!));
        Assert.All(tasks, t => Assert.Equal("FastTrack.Core.Playbook.PlaybookTask", t.TypeNames[0]));
    }

    [Fact]
    public void Mandatory_tasks_for_Teams_and_OneDrive_come_through_Where_Object()
    {
        var ids = _session.Run("Get-FtPlaybookTask -Service Teams, OneDrive | Where-Object Mandatory").Output
            .Select(t => (int)t.Prop("Id")!);
        Assert.Equal(new[] { 3740, 3741 }, ids);
    }

    [Fact]
    public void Mandatory_false_returns_only_the_optional_tasks()
    {
        var ids = _session.Run("Get-FtPlaybookTask -Mandatory:$false").Output.Select(t => (int)t.Prop("Id")!);
        Assert.Equal(new[] { 3731, 3732, 3733, 3743, 3650 }, ids);
    }

    [Theory]
    [InlineData("VivaEngage", 3732)]
    [InlineData("OfficeProPlus", 3650)]
    [InlineData("'Outlook Mobile'", 3733)]
    [InlineData("Microsoft365Apps", 3650)]
    public void Service_aliases_resolve(string service, int expectedTask)
    {
        var task = _session.Run($"Get-FtPlaybookTask -Service {service}").Single();
        Assert.Equal(expectedTask, (int)task.Prop("Id")!);
    }

    [Fact]
    public void Service_binds_by_property_name_from_the_pipeline()
    {
        var ids = _session.Run("[pscustomobject]@{ Service = 'Yammer' }, [pscustomobject]@{ Service = 'OutlookMobile' } | Get-FtPlaybookTask").Output
            .Select(t => (int)t.Prop("Id")!);
        Assert.Equal(new[] { 3732, 3733 }, ids);
    }

    [Fact]
    public void An_activity_piped_in_gives_its_tasks()
    {
        var ids = _session.Run("Get-FtPlaybookActivity -Name AdoptionServiceProgram | Get-FtPlaybookTask").Output
            .Select(t => (int)t.Prop("Id")!);
        Assert.Equal(new[] { 3740, 3741, 3743 }, ids);
    }

    [Fact]
    public void Unknown_service_is_an_InvalidArgument_error_with_a_stable_id_and_the_name_as_target()
    {
        var result = _session.Run("Get-FtPlaybookTask -Service Teams, Bogus");
        var error = Assert.Single(result.Errors);
        Assert.Equal("UnknownService,FastTrack.PowerShell.Playbook.GetFtPlaybookTaskCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("Bogus", error.TargetObject);
        Assert.Contains("VivaEngage", error.Exception.Message);
        Assert.Equal(3731, (int)Assert.Single(result.Output).Prop("Id")!);
    }

    [Fact]
    public void Unknown_task_id_is_an_ObjectNotFound_error_and_the_known_ids_still_come_out()
    {
        var result = _session.Run("Get-FtPlaybookTask -Id 3731, 9999");
        var error = Assert.Single(result.Errors);
        Assert.Equal("TaskNotFound,FastTrack.PowerShell.Playbook.GetFtPlaybookTaskCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(9999, error.TargetObject);
        Assert.Equal(3731, (int)Assert.Single(result.Output).Prop("Id")!);
    }

    [Fact]
    public void Errors_stop_the_pipeline_under_ErrorAction_Stop_with_the_same_id()
    {
        var result = _session.Run("try { Get-FtPlaybookActivity -Name Nope -ErrorAction Stop; 'not reached' } catch { $_.FullyQualifiedErrorId }");
        Assert.Equal("ActivityNotFound,FastTrack.PowerShell.Playbook.GetFtPlaybookActivityCommand", result.Single().ToString());
    }

    [Fact]
    public void Activities_come_in_page_order_with_the_handshake_rule()
    {
        var activities = _session.Run("Get-FtPlaybookActivity").Output;
        Assert.Equal(new[] { "CsmHandshake", "ScheduleCheckIns", "TrackAdoptionProgress", "AdoptionServiceProgram", "ServiceAccelerator" },
            activities.Select(a => a.Str("Activity")));
        var handshake = activities[0];
        Assert.Equal(new[] { "ScheduleCheckIns", "TrackAdoptionProgress" }, (IEnumerable<string>)handshake.Prop("SuppressesForSameWorkload")!);
        Assert.Equal("FastTrack Manager", handshake.Str("PrimaryRole"));
    }

    [Fact]
    public void Get_FtPlaybookActivity_filters_by_service_and_by_wildcard_name()
    {
        var forOneDrive = _session.Run("Get-FtPlaybookActivity -Service OneDrive").Output.Select(a => a.Str("Activity"));
        Assert.Equal(new[] { "ScheduleCheckIns", "TrackAdoptionProgress", "AdoptionServiceProgram", "ServiceAccelerator" }, forOneDrive);
        var byName = _session.Run("Get-FtPlaybookActivity -Name '*Check-in*'").Single();
        Assert.Equal("ScheduleCheckIns", byName.Str("Activity"));
    }

    // Issue 20: Microsoft 365 Copilot gets the activities for every service, the accelerator among them, not the CSM handshake.
    [Fact]
    public void Copilot_gets_the_accelerator_activity_and_no_handshake_task()
    {
        var activities = _session.Run("Get-FtPlaybookActivity -Service Copilot").Output.Select(a => a.Str("Activity"));
        Assert.Equal(new[] { "ScheduleCheckIns", "TrackAdoptionProgress", "ServiceAccelerator" }, activities);
        Assert.Empty(_session.Run("Get-FtPlaybookTask -Service Microsoft365Copilot").Output);
        Assert.DoesNotContain("Microsoft365Copilot", _session.Run("(Get-FtPlaybookActivity -Name CsmHandshake).AppliesTo").Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Culture_es_ES_gives_the_Spanish_page_s_names()
    {
        var task = _session.Run("Get-FtPlaybookTask -Id 3740 -Culture es-ES").Single();
        Assert.Equal("OneDrive - Realice la Introducción del Programa de adopción de OneDrive", task.Str("Name"));
        Assert.Equal("Administrador de FastTrack", task.Str("Role"));
        Assert.Equal("OneDrive para la Empresa", task.Str("ServiceName"));
        Assert.Equal("Programa de servicio de adopción de Microsoft", task.Str("ActivityName"));
        var english = _session.Run("Get-FtPlaybookTask -Id 3740").Single();
        Assert.Equal("OneDrive - Conduct OneDrive Adoption Program Introduction", english.Str("Name"));
    }

    [Fact]
    public void Output_follows_PSUICulture_when_no_Culture_is_given()
    {
        var name = _session.Run(
            "$saved = [System.Globalization.CultureInfo]::CurrentUICulture; " +
            "try { [System.Globalization.CultureInfo]::CurrentUICulture = 'es-MX'; (Get-FtPlaybookActivity -Name CsmHandshake).Name } " +
            "finally { [System.Globalization.CultureInfo]::CurrentUICulture = $saved }").Single();
        Assert.Equal("Handshake de CSM para comunicaciones modernas", name.ToString());
    }

    [Fact]
    public void Service_and_activity_values_tab_complete()
    {
        var services = _session.Complete("Get-FtPlaybookTask -Service Viv");
        Assert.Equal(new[] { "VivaEngage", "'Viva Engage'" }, services);
        var activities = _session.Complete("Get-FtPlaybookActivity -Name Csm");
        Assert.Equal(new[] { "CsmHandshake" }, activities);
        var ids = _session.Complete("Get-FtPlaybookTask -Id 374");
        Assert.Equal(new[] { "3740", "3741", "3743" }, ids);
    }
}
