using FastTrack.Core.KeyInputs;
using FastTrack.Core.Plans;
using FastTrack.Core.Playbook;
using FastTrack.Core.Sample;
using FastTrack.Core.Tests.Graph;

namespace FastTrack.Core.Tests.KeyInputs;

/// <summary>Issue 20: key inputs read through the real Graph client from the loopback emulator: GET /organization's
/// assignedPlans and getOffice365ActiveUserCounts(period='D180') give the same dates as the tenant they describe.</summary>
public sealed class GraphKeyInputTests : IDisposable
{
    private readonly EmulatedGraph _graph = new(users: 200);

    public void Dispose() => _graph.Dispose();

    [Fact]
    public void A_connected_tenant_gives_the_dates_of_its_assigned_plans_with_its_name_as_the_source()
    {
        using var connection = _graph.Connect();
        var source = connection.UsageSource(_graph.Workspace);
        var plan = CustomerPlan.New(PlaybookCatalog.Default, SampleTenantOptions.ContosoTenantId, "Contoso", DateTimeOffset.Now);
        var services = new[] { M365Service.Teams, M365Service.Yammer, M365Service.Microsoft365Apps };

        var found = KeyInputDetector.Find(plan, services, source);
        var offline = KeyInputDetector.Find(plan, services, new SampleUsageSource(_graph.Emulator.Tenant));

        Assert.Equal(offline.Select(f => f.EnabledOn), found.Select(f => f.EnabledOn));
        Assert.All(found, f => Assert.Equal(KeyInputStatus.New, f.Status));
        Assert.All(found, f => Assert.StartsWith("Microsoft Graph for Contoso", f.From));
        Assert.Contains(found[0].Evidence, e => e.Contains("daily counts"));
        Assert.Contains(_graph.Emulator.Requests, r => Uri.UnescapeDataString(r.PathAndQuery).Contains("getOffice365ActiveUserCounts(period='D180')") && r.Status == 200);
    }
}
