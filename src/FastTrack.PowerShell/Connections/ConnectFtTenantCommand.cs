using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using FastTrack.Core.Connections;
using FastTrack.Core.Errors;
using FastTrack.Core.Graph;
using FastTrack.Core.Plans;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Connections;

/// <summary>Connects a tenant for this session: app-only with a certificate or a client secret, a device
/// code, a managed identity, a token obtained elsewhere, or the sample tenant. Several tenants may be
/// connected at once; cmdlets pick the connection of each plan's tenant. -Save keeps how it signed in (never a
/// secret) in the tenant's plan, for the nightly run.</summary>
[Cmdlet(VerbsCommunications.Connect, "FtTenant", DefaultParameterSetName = CertificateThumbprintSet, SupportsShouldProcess = true)]
[OutputType(typeof(TenantConnection))]
public sealed class ConnectFtTenantCommand : FtWorkspaceCmdlet
{
    private const string CertificateThumbprintSet = "CertificateThumbprint";
    private const string CertificateSet = "Certificate";
    private const string ClientSecretSet = "ClientSecret";
    private const string SecretVariableSet = "SecretVariable";
    private const string SecretVaultSet = "SecretVault";
    private const string DeviceCodeSet = "DeviceCode";
    private const string ManagedIdentitySet = "ManagedIdentity";
    private const string AccessTokenSet = "AccessToken";
    private const string SampleSet = "Sample";

    /// <summary>The tenant id or one of its domains.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = CertificateThumbprintSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = CertificateSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ClientSecretSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = SecretVariableSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = SecretVaultSet)]
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = DeviceCodeSet)]
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ManagedIdentitySet)]
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = AccessTokenSet)]
    [ArgumentCompleter(typeof(Completion.TenantIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string? TenantId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = CertificateThumbprintSet)]
    [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
    [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
    [Parameter(Mandatory = true, ParameterSetName = SecretVariableSet)]
    [Parameter(Mandatory = true, ParameterSetName = SecretVaultSet)]
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

    /// <summary>The environment variable that holds the client secret: read now when -ClientSecret is not given, and
    /// saved (its name only) with -Save.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SecretVariableSet)]
    [Parameter(ParameterSetName = ClientSecretSet)]
    [ValidateNotNullOrEmpty]
    public string? SecretVariable { get; set; }

    /// <summary>The SecretManagement secret that holds the client secret (read with Get-Secret).</summary>
    [Parameter(Mandatory = true, ParameterSetName = SecretVaultSet)]
    [Parameter(ParameterSetName = ClientSecretSet)]
    [ValidateNotNullOrEmpty]
    public string? SecretName { get; set; }

    /// <summary>The SecretManagement vault of -SecretName; the default vault when left out.</summary>
    [Parameter(ParameterSetName = SecretVaultSet)]
    [Parameter(ParameterSetName = ClientSecretSet)]
    [ValidateNotNullOrEmpty]
    public string? SecretVault { get; set; }

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

    /// <summary>Saves how this connection signs in (never a secret) as the connection profile of the tenant's plan.</summary>
    [Parameter] public SwitchParameter Save { get; set; }

    protected override void ProcessRecord()
    {
        var request = Request();
        var profile = Profile(request);
        if (request.Method == ConnectionMethod.ClientSecret && request.ClientSecret is null)
            request.ClientSecret = Require(() => ProfileSignIn.Secret(profile!, TenantId!, Infrastructure.SecretVault.Sources(this, SecretName is not null)));
        WriteVerbose($"Connecting to {TenantId ?? "the tenant"} with {request.Method} at {request.Endpoint.GetLeftPart(UriPartial.Authority)}.");
        var connection = SignIn(request);
        foreach (var line in connection.DrainLog()) WriteVerbose(line);
        Context.Connections.Add(connection);
        if (connection.ReportsConcealNames == true)
        {
            WriteWarning($"{connection.DisplayName} conceals user names in its reports (admin/reportSettings). AU counts stay right; users cannot be named. {Core.Usage.UsageErrors.ShowNamesAdvice}");
        }
        WriteVerbose($"Connected to {connection}.");
        if (Save) SaveProfile(connection.TenantId, profile!);
        if (PassThru) WriteObject(connection);
    }

    // What -Save keeps, checked before anyone signs in: a way that runs unattended, and for a client secret where
    // it is read at run time. Also where -SecretVariable/-SecretName read the secret for this sign-in.
    private ConnectionProfile? Profile(ConnectionRequest request)
    {
        if (Save && request.Method is not (ConnectionMethod.Certificate or ConnectionMethod.ClientSecret or ConnectionMethod.ManagedIdentity))
            ThrowFtError(ConnectionProfileErrors.ProfileNotUnattended(request.Method.ToString()));
        if (Save && request.Method == ConnectionMethod.ClientSecret && SecretVariable is null && SecretName is null)
            ThrowFtError(ConnectionProfileErrors.ProfileSecretSourceMissing());
        if (!Save && request.Method != ConnectionMethod.ClientSecret) return null;
        return new ConnectionProfile
        {
            Method = request.Method,
            ClientId = request.Method == ConnectionMethod.ManagedIdentity ? null : ClientId,
            CertificateThumbprint = CertificateThumbprint?.Replace(" ", "") ?? Certificate?.Thumbprint,
            ManagedIdentityClientId = request.ManagedIdentityClientId,
            SecretVariable = SecretVariable,
            SecretVault = SecretName is null ? null : SecretVault,
            SecretName = SecretName,
            Cloud = Cloud,
            GraphEndpoint = GraphEndpoint,
        };
    }

    // The plan is found by the tenant id the sign-in answered for, not by -TenantId: a domain given there names the
    // same tenant, and plans are filed by tenant id.
    private void SaveProfile(Guid tenantId, ConnectionProfile profile) =>
        Guard(() => Store.Update(tenantId, null, false, plan => new PlanUpdate { ConnectionProfile = profile }.ApplyTo(plan, Context.Today),
            plan => ShouldProcess($"{plan.Customer} ({plan.TenantId})", $"Save the connection profile: {profile}")));

    private ConnectionRequest Request() => new()
    {
        Method = ParameterSetName switch
        {
            CertificateThumbprintSet or CertificateSet => ConnectionMethod.Certificate,
            ClientSecretSet or SecretVariableSet or SecretVaultSet => ConnectionMethod.ClientSecret,
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
