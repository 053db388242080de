using System.Security;
using FastTrack.Core.Connections;
using FastTrack.Core.Errors;
using FastTrack.Core.Graph;
using FastTrack.Core.Playbook;
using FastTrack.Core.Plans;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Tests.Graph;

/// <summary>Issue 19: a connection profile signs in unattended or is refused before it is saved; its client secret is
/// read where it says at run time, and its absence names the place, never a value; a plan keeps it, schema 3.</summary>
public sealed class ConnectionProfileTests : IDisposable
{
    private static readonly Guid Tenant = Guid.Parse("6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<ConnectionProfile, string?> Profiles => new()
    {
        { new ConnectionProfile { ClientId = "app", CertificateThumbprint = "ABC" }, null },
        { new ConnectionProfile { ClientId = "app", KeyVaultCertificate = "https://kv.vault.azure.net/certificates/app/1f2e" }, null },
        { new ConnectionProfile { ClientId = "app", KeyVaultCertificate = "http://kv.vault.azure.net/certificates/app" }, "not a Key Vault certificate URI" },
        { new ConnectionProfile { ClientId = "app", KeyVaultCertificate = "https://kv.vault.azure.net/secrets/app" }, "not a Key Vault certificate URI" },
        { new ConnectionProfile { ClientId = "app" }, "one of CertificateThumbprint and KeyVaultCertificate" },
        { new ConnectionProfile { CertificateThumbprint = "ABC" }, "needs the app's ClientId" },
        { new ConnectionProfile { ClientId = "app", CertificateThumbprint = "ABC", SecretVariable = "X" }, "reads no client secret" },
        { new ConnectionProfile { Method = ConnectionMethod.ClientSecret, ClientId = "app", SecretVariable = "FT_SECRET" }, null },
        { new ConnectionProfile { Method = ConnectionMethod.ClientSecret, ClientId = "app", SecretName = "s" }, null },
        { new ConnectionProfile { Method = ConnectionMethod.ClientSecret, ClientId = "app" }, "from one place" },
        { new ConnectionProfile { Method = ConnectionMethod.ClientSecret, ClientId = "app", SecretVariable = "A", SecretName = "s" }, "from one place" },
        { new ConnectionProfile { Method = ConnectionMethod.ManagedIdentity }, null },
        { new ConnectionProfile { Method = ConnectionMethod.ManagedIdentity, ManagedIdentityClientId = "mi" }, null },
        { new ConnectionProfile { Method = ConnectionMethod.ManagedIdentity, CertificateThumbprint = "ABC" }, "leave them out" },
        { new ConnectionProfile { Method = ConnectionMethod.DeviceCode, ClientId = "app" }, "cannot sign in unattended" },
        { new ConnectionProfile { Method = ConnectionMethod.AccessToken }, "cannot sign in unattended" },
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void A_profile_is_usable_only_when_it_can_sign_in_unattended(ConnectionProfile profile, string? problem)
    {
        if (problem is null) Assert.Null(profile.Problem());
        else Assert.Contains(problem, profile.Problem());
    }

    [Fact]
    public void The_secret_is_read_from_the_variable_or_the_vault_and_its_absence_names_the_place()
    {
        var byVariable = new ConnectionProfile { Method = ConnectionMethod.ClientSecret, ClientId = "app", SecretVariable = "FT_SECRET" };
        var set = new SecretSources { Environment = name => name == "FT_SECRET" ? "s3cret" : null };
        var request = ProfileSignIn.Request(byVariable, Tenant, set);
        Assert.Equal(6, request.ClientSecret!.Length);
        Assert.Equal(Tenant.ToString(), request.Tenant);
        Assert.True(request.NonInteractive);

        var missing = Assert.Throws<FtException>(() => ProfileSignIn.Request(byVariable, Tenant, new SecretSources { Environment = _ => null })).Error;
        Assert.True(missing.Is(nameof(ConnectionProfileErrors.SecretVariableNotSet)));
        Assert.Equal("FT_SECRET", missing.Target);

        var byVault = new ConnectionProfile { Method = ConnectionMethod.ClientSecret, ClientId = "app", SecretVault = "Partner", SecretName = "app" };
        Assert.True(Assert.Throws<FtException>(() => ProfileSignIn.Request(byVault, Tenant, new SecretSources())).Error.Is(nameof(ConnectionProfileErrors.SecretManagementUnavailable)));
        var notFound = Assert.Throws<FtException>(() => ProfileSignIn.Request(byVault, Tenant, new SecretSources { Vault = (_, _) => null })).Error;
        Assert.True(notFound.Is(nameof(ConnectionProfileErrors.VaultSecretNotFound)));
        Assert.Contains("'app' of the SecretManagement vault 'Partner'", notFound.Message);
        var secure = new SecureString();
        secure.AppendChar('x');
        (string? Vault, string Name) asked = default;
        Assert.Same(secure, ProfileSignIn.Request(byVault, Tenant, new SecretSources { Vault = (v, n) => { asked = (v, n); return secure; } }).ClientSecret);
        Assert.Equal(("Partner", "app"), asked);
    }

    [Fact]
    public void A_plan_keeps_its_profile_without_a_secret_and_a_schema_2_plan_reads_without_one()
    {
        var store = new PlanStore(new Workspace(_dir.Path), PlaybookCatalog.Default);
        store.Create(CustomerPlan.New(PlaybookCatalog.Default, Tenant, "Fabrikam", DateTimeOffset.UtcNow));
        var path = store.Workspace.PlanPath(Tenant);
        File.WriteAllText(path, File.ReadAllText(path).Replace($"\"schemaVersion\": {CustomerPlan.CurrentSchemaVersion}", "\"schemaVersion\": 2"));
        Assert.Null(store.Read(Tenant).ConnectionProfile);

        var profile = new ConnectionProfile { Method = ConnectionMethod.ClientSecret, ClientId = "app", SecretVariable = "FT_SECRET", Cloud = GraphCloud.USGov };
        store.Update(Tenant, null, false, plan => new PlanUpdate { ConnectionProfile = profile }.ApplyTo(plan, DateTime.Today), _ => true);
        var text = File.ReadAllText(path);
        Assert.Contains("\"schemaVersion\": 3", text);
        Assert.Contains("\"secretVariable\": \"FT_SECRET\"", text);
        Assert.Contains("\"cloud\": \"USGov\"", text);
        var read = store.Read(Tenant).ConnectionProfile!;
        Assert.Equal(ConnectionMethod.ClientSecret, read.Method);
        Assert.Equal("ClientSecret, app app, secret from $env:FT_SECRET, USGov", read.ToString());

        var invalid = Assert.Throws<FtException>(() => store.Update(Tenant, null, false,
            plan => new PlanUpdate { ConnectionProfile = new ConnectionProfile { Method = ConnectionMethod.ClientSecret } }.ApplyTo(plan, DateTime.Today), _ => true));
        Assert.True(invalid.Error.Is(nameof(ConnectionProfileErrors.ProfileInvalid)));
        Assert.Equal(text, File.ReadAllText(path));
    }
}
