namespace FastTrack.PowerShell.Tests;

/// <summary>What a person sees: the format file's views through Out-Default.</summary>
public sealed class FormatViewTests : IClassFixture<ModuleSession>
{
    private readonly ModuleSession _session;

    public FormatViewTests(ModuleSession session) => _session = session;

    [Fact]
    public void Tasks_display_as_a_table_grouped_by_activity()
    {
        var text = _session.Display("Get-FtPlaybookTask -Service Teams, OneDrive");
        Assert.Contains("Activity: CSM Handshake for Modern Comms", text);
        Assert.Contains("Activity: Microsoft Adoption Service Program", text);
        var row = Assert.Single(text.Split('\n'), l => l.Contains("3741"));
        Assert.Matches(@"^\s*3741\s+Mandatory\s+OneDrive\s+OneDrive - Perform OneDrive Adoption Workshop\s*$", row);
        Assert.Matches(@"Id\s+Requirement\s+Service\s+Name", text); // issue 17: headers are property names
        Assert.DoesNotContain("FastTrack.Core", text);
    }

    [Fact]
    public void Activities_display_with_services_and_task_ids()
    {
        var text = _session.Display("Get-FtPlaybookActivity");
        Assert.Matches(@"1\s+CSM Handshake for Modern Comms\s+OutlookMobile, Teams, Yammer\s+3731, 3732, 3733", text);
        Assert.Matches(@"5\s+Service Accelerator Programs\s+\(all services\)\s+3650", text);
    }

    [Fact]
    public void Spanish_names_display_in_the_table()
    {
        var text = _session.Display("Get-FtPlaybookTask -Id 3731 -Culture es-ES");
        Assert.Contains("Teams - Handshake del campo posterior a la habilitación", text);
        Assert.Contains("Activity: Handshake de CSM para comunicaciones modernas", text);
    }
}
