using FastTrack.Core.Connections;
using FastTrack.Core.Errors;
using FastTrack.Core.Graph;
using FastTrack.Core.Sample;

namespace FastTrack.Core.Tests.Graph;

public sealed class ConnectionRequestTests
{
    [Theory]
    [InlineData(GraphCloud.Global, "https://graph.microsoft.com/", "https://login.microsoftonline.com/")]
    [InlineData(GraphCloud.USGov, "https://graph.microsoft.us/", "https://login.microsoftonline.us/")]
    [InlineData(GraphCloud.USGovDoD, "https://dod-graph.microsoft.us/", "https://login.microsoftonline.us/")]
    [InlineData(GraphCloud.China, "https://microsoftgraph.chinacloudapi.cn/", "https://login.chinacloudapi.cn/")]
    public void Each_national_cloud_has_its_graph_and_sign_in_endpoints(GraphCloud cloud, string graph, string login)
    {
        Assert.Equal(new Uri(graph), new ConnectionRequest { Cloud = cloud }.Endpoint);
        Assert.Equal(new Uri(login), GraphClouds.Authority(cloud));
        Assert.Equal(new[] { graph + ".default" }, CredentialFactory.Scopes(new ConnectionRequest { Cloud = cloud, Method = ConnectionMethod.Certificate }));
    }

    [Fact]
    public void A_custom_endpoint_wins_but_tokens_are_still_asked_for_the_clouds_graph()
    {
        var request = new ConnectionRequest { Cloud = GraphCloud.USGov, GraphEndpoint = new Uri("http://127.0.0.1:5000/"), Method = ConnectionMethod.ClientSecret };
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), request.Endpoint);
        Assert.Equal("https://graph.microsoft.us/.default", Assert.Single(CredentialFactory.Scopes(request)));
    }

    [Fact]
    public void A_person_signing_in_asks_only_for_the_two_permissions_the_module_needs()
    {
        Assert.Equal(new[] { "https://graph.microsoft.com/Reports.Read.All", "https://graph.microsoft.com/Organization.Read.All" },
            CredentialFactory.Scopes(new ConnectionRequest { Method = ConnectionMethod.DeviceCode }));
    }

    [Fact]
    public void A_device_code_is_refused_when_no_person_can_answer()
    {
        var error = Assert.Throws<FtException>(() => CredentialFactory.Create(new ConnectionRequest { Method = ConnectionMethod.DeviceCode, ClientId = "x", NonInteractive = true })).Error;
        Assert.Equal("InteractionRequired", error.ErrorId);
        Assert.Contains("-ManagedIdentity", error.Message);
    }

    [Theory]
    [InlineData(ConnectionMethod.ClientSecret, "ClientId")]
    [InlineData(ConnectionMethod.AccessToken, "AccessToken")]
    [InlineData(ConnectionMethod.Certificate, "ClientId")]
    public void A_missing_credential_is_a_clear_error_naming_the_parameter(ConnectionMethod method, string parameter)
    {
        var error = Assert.Throws<FtException>(() => CredentialFactory.Create(new ConnectionRequest { Method = method, Tenant = "contoso.onmicrosoft.com" })).Error;
        Assert.Equal("ConnectionParameterMissing", error.ErrorId);
        Assert.Equal(parameter, error.Target);
    }

    [Fact]
    public void The_sample_connection_works_offline()
    {
        using var connection = TenantConnector.Connect(new ConnectionRequest { Method = ConnectionMethod.Sample });
        Assert.Equal(SampleTenantOptions.ContosoTenantId, connection.TenantId);
        Assert.IsType<SampleUsageSource>(connection.UsageSource(new Workspaces.Workspace(Path.GetTempPath())));
    }
}
