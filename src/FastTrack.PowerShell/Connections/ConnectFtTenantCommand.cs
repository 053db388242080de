using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using FastTrack.Core.Errors;
using FastTrack.Core.Graph;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Connections;

/// <summary>Connects a tenant for this session: app-only with a certificate or a client secret, a device
/// code, a managed identity, a token obtained elsewhere, or the sample tenant. Several tenants may be
/// connected at once; cmdlets pick the connection of each plan's tenant.</summary>
[Cmdlet(VerbsCommunications.Connect, "FtTenant", DefaultParameterSetName = CertificateThumbprintSet)]
[OutputType(typeof(TenantConnection))]
public sealed class ConnectFtTenantCommand : FtCmdlet
{
    private const string CertificateThumbprintSet = "CertificateThumbprint";
    private const string CertificateSet = "Certificate";
    private const string ClientSecretSet = "ClientSecret";
    private const string DeviceCodeSet = "DeviceCode";
    private const string ManagedIdentitySet = "ManagedIdentity";
    private const string AccessTokenSet = "AccessToken";
    private const string SampleSet = "Sample";

    /// <summary>The tenant id or one of its domains.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = CertificateThumbprintSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = CertificateSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ClientSecretSet)]
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = DeviceCodeSet)]
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ManagedIdentitySet)]
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = AccessTokenSet)]
    [ArgumentCompleter(typeof(Completion.TenantIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string? TenantId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = CertificateThumbprintSet)]
    [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
    [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
    [Parameter(Mandatory = true, ParameterSetName = DeviceCodeSet)]
    [Parameter(ParameterSetName = ManagedIdentitySet)]
    [Alias("ApplicationId", "AppId")]
    [ValidateNotNullOrEmpty]
    public string? ClientId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = CertificateThumbprintSet)]
    [ValidateNotNullOrEmpty]
    public string? CertificateThumbprint { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
    public X509Certificate2? Certificate { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
    public SecureString? ClientSecret { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = DeviceCodeSet)]
    public SwitchParameter UseDeviceCode { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ManagedIdentitySet)]
    public SwitchParameter ManagedIdentity { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
    public SecureString? AccessToken { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = SampleSet)]
    public SwitchParameter Sample { get; set; }

    [Parameter] [PSDefaultValue(Value = GraphCloud.Global)] public GraphCloud Cloud { get; set; } = GraphCloud.Global;

    /// <summary>Another Graph endpoint than the cloud's (a proxy; the tests' emulator).</summary>
    [Parameter] public Uri? GraphEndpoint { get; set; }

    [Parameter] public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var request = Request();
        WriteVerbose($"Connecting to {TenantId ?? "the tenant"} with {request.Method} at {request.Endpoint.GetLeftPart(UriPartial.Authority)}.");
        var connection = SignIn(request);
        foreach (var line in connection.DrainLog()) WriteVerbose(line);
        Context.Connections.Add(connection);
        if (connection.ReportsConcealNames == true)
        {
            WriteWarning($"{connection.DisplayName} conceals user names in its reports (admin/reportSettings). AU counts stay right; users cannot be named. {Core.Usage.UsageErrors.ShowNamesAdvice}");
        }
        WriteVerbose($"Connected to {connection}.");
        if (PassThru) WriteObject(connection);
    }

    private ConnectionRequest Request() => new()
    {
        Method = ParameterSetName switch
        {
            CertificateThumbprintSet or CertificateSet => ConnectionMethod.Certificate,
            ClientSecretSet => ConnectionMethod.ClientSecret,
            DeviceCodeSet => ConnectionMethod.DeviceCode,
            ManagedIdentitySet => ConnectionMethod.ManagedIdentity,
            AccessTokenSet => ConnectionMethod.AccessToken,
            _ => ConnectionMethod.Sample,
        },
        Tenant = TenantId,
        ClientId = ClientId,
        CertificateThumbprint = CertificateThumbprint,
        Certificate = Certificate,
        ClientSecret = ClientSecret,
        AccessToken = AccessToken,
        ManagedIdentityClientId = ParameterSetName == ManagedIdentitySet ? ClientId : null,
        Cloud = Cloud,
        GraphEndpoint = GraphEndpoint,
        NonInteractive = SessionIsNonInteractive(),
    };

    // Sign-in runs off the pipeline thread so a device-code prompt can be shown (as a warning) while it waits.
    private TenantConnection SignIn(ConnectionRequest request)
    {
        var prompts = new BlockingCollection<string>();
        request.DeviceCodePrompt = prompts.Add;
        var options = new GraphOptions { Clock = Context.Clock };
        var connecting = Task.Run(() => TenantConnector.Connect(request, options, StopToken));
        while (!connecting.IsCompleted)
        {
            if (prompts.TryTake(out var prompt, 200)) WriteWarning(prompt);
        }
        while (prompts.TryTake(out var late)) WriteWarning(late);
        try
        {
            return connecting.GetAwaiter().GetResult();
        }
        catch (FtException ex)
        {
            ThrowFtError(ex.Error, ex);
            throw; // not reached: ThrowTerminatingError does not return
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
    }

    // A job, a remote session or `pwsh -NonInteractive` must fail rather than wait for a person.
    private bool SessionIsNonInteractive()
    {
        if (!Environment.UserInteractive) return true;
        if (Environment.GetCommandLineArgs().Any(a => a.StartsWith("-noni", StringComparison.OrdinalIgnoreCase))) return true;
        return Host.Name is "ServerRemoteHost" or "Default Host";
    }
}
