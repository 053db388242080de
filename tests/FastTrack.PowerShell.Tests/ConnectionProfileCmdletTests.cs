using FastTrack.PowerShell.Tests.Hosting;

namespace FastTrack.PowerShell.Tests;

/// <summary>A tenant whose sign-in is a managed identity: the Graph emulator serves the identity endpoint of App
/// Service, Functions and Automation (IDENTITY_ENDPOINT, IDENTITY_HEADER), so Azure.Identity's real
/// ManagedIdentityCredential signs in on loopback. The variables are set for this process while the fixture lives.</summary>
public sealed class ManagedIdentityTenant : IDisposable
{
    public ManagedIdentityTenant()
    {
        Tenant = new EmulatorProcess(Guid.Parse("5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716"), "Woodgrove", "woodgrove.example", "token-woodgrove-" + Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", new Uri(Tenant.BaseAddress, "msi/token").ToString());
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", "emulator-identity-header");
    }

    public EmulatorProcess Tenant { get; }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", null);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", null);
        Tenant.Dispose();
    }
}

/// <summary>Issue 19: a plan keeps how its tenant signs in unattended (never a secret), and the nightly run signs in
/// from it, so one command runs the portfolio; a profile whose secret is missing fails its plan alone.</summary>
public sealed class ConnectionProfileCmdletTests : IClassFixture<ModuleSession>, IClassFixture<ManagedIdentityTenant>, IDisposable
{
    private const string Litware = "8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d";
    private const string Secret = "profile-secret-value-5d2c9e";
    private readonly ModuleSession _session;
    private readonly EmulatorProcess _woodgrove;
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));
    private readonly string _variable = "FT_TEST_SECRET_" + Guid.NewGuid().ToString("N");

    public ConnectionProfileCmdletTests(ModuleSession session, ManagedIdentityTenant identity)
    {
        _session = session;
        _woodgrove = identity.Tenant;
        Run($"New-FtCustomerPlan -TenantId {_woodgrove.TenantId} -Customer Woodgrove -IntendedService Teams, OneDrive -Workspace $args[0] | Out-Null; " +
            $"New-FtCustomerPlan -TenantId {Litware} -Customer Litware -IntendedService Teams -Workspace $args[0] | Out-Null").AssertNoErrors();
    }

    public void Dispose()
    {
        Run($"Disconnect-FtTenant -TenantId {_woodgrove.TenantId}, {Litware} -ErrorAction SilentlyContinue");
        Environment.SetEnvironmentVariable(_variable, null);
        try { Directory.Delete(_workspace, true); } catch (IOException) { }
    }

    private ScriptResult Run(string script, params object[] more) => _session.Run(script, new object[] { _workspace }.Concat(more).ToArray());

    private string PlanText(string tenant) => File.ReadAllText(Path.Combine(_workspace, "plans", tenant + ".json"));

    private ScriptResult SaveSecretProfile() =>
        Run($"Set-FtCustomerPlan -TenantId {Litware} -ConnectionProfile @{{ Method = 'ClientSecret'; ClientId = '11111111-2222-3333-4444-555555555555'; SecretVariable = $args[1] }} -Workspace $args[0]", _variable);

    [Fact]
    public void Connect_Save_keeps_the_managed_identity_sign_in_in_the_plan_and_the_nightly_run_uses_it()
    {
        Run($"Connect-FtTenant -ManagedIdentity -TenantId {_woodgrove.TenantId} -GraphEndpoint $args[1] -Save -Workspace $args[0]", _woodgrove.BaseAddress).AssertNoErrors();
        var profile = Run($"(Get-FtCustomerPlan -TenantId {_woodgrove.TenantId} -Workspace $args[0]).ConnectionProfile").Single();
        Assert.Equal("ManagedIdentity", profile.Str("Method"));
        Assert.Equal(_woodgrove.BaseAddress, profile.Prop("GraphEndpoint"));
        Assert.Contains("\"schemaVersion\": 3", PlanText(_woodgrove.TenantId.ToString()));
        Assert.DoesNotContain(_woodgrove.Token, PlanText(_woodgrove.TenantId.ToString()));

        // The next night: nothing is connected; the plan's profile signs in, and its tenant is measured from Graph.
        Run($"Disconnect-FtTenant -TenantId {_woodgrove.TenantId}").AssertNoErrors();
        var result = Run($"Invoke-FtSuccessExecution -TenantId {_woodgrove.TenantId} -Workspace $args[0] -Verbose");
        result.AssertNoErrors();
        var run = result.Single();
        Assert.StartsWith("Microsoft Graph for", run.Str("Source"));
        Assert.Equal(true, run.Prop("Saved"));
        Assert.Contains(result.Verbose, v => v.Contains("Woodgrove: signed in from the plan's connection profile"));
        Assert.Contains(_woodgrove.Requests(), r => r.GetProperty("PathAndQuery").GetString()!.StartsWith("/msi/token"));
        Assert.Equal("ManagedIdentity", Run($"Get-FtConnection -TenantId {_woodgrove.TenantId}").Single().Str("Method"));
    }

    [Fact]
    public void A_missing_secret_variable_fails_its_plan_alone_naming_the_variable_and_the_others_run()
    {
        Run($"Set-FtCustomerPlan -TenantId {_woodgrove.TenantId} -ConnectionProfile @{{ Method = 'ManagedIdentity'; GraphEndpoint = $args[1] }} -Workspace $args[0]", _woodgrove.BaseAddress).AssertNoErrors();
        SaveSecretProfile().AssertNoErrors();
        var result = Run("Invoke-FtSuccessExecution -Workspace $args[0] -ThrottleLimit 2");
        var run = Assert.Single(result.Output);
        Assert.Equal("Woodgrove", run.Str("Customer"));
        Assert.StartsWith("Microsoft Graph for", run.Str("Source"));
        var error = Assert.Single(result.Errors);
        Assert.Equal("SecretVariableNotSet,FastTrack.PowerShell.Rules.InvokeFtSuccessExecutionCommand", error.FullyQualifiedErrorId);
        Assert.Equal("ObjectNotFound", error.CategoryInfo.Category.ToString());
        Assert.Equal(_variable, error.TargetObject);
        Assert.Contains($"environment variable '{_variable}'", error.Exception.Message);
        Assert.Contains(Litware, error.Exception.Message);
        Assert.Null(Run($"(Get-FtCustomerPlan -TenantId {Litware} -Workspace $args[0]).LastRun").Output.SingleOrDefault()?.BaseObject);
    }

    [Fact]
    public void A_secret_read_from_its_variable_reaches_the_sign_in_and_never_a_file_verbose_or_error()
    {
        SaveSecretProfile().AssertNoErrors();
        var text = PlanText(Litware);
        Assert.Contains($"\"secretVariable\": \"{_variable}\"", text);
        Environment.SetEnvironmentVariable(_variable, Secret);
        _session.Host.Clear();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = Run($"Invoke-FtSuccessExecution -TenantId {Litware} -Workspace $args[0] -Verbose -Debug");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");

        // This machine has no route to Entra ID: the secret was read and a real sign-in was tried with it.
        var error = Assert.Single(result.Errors);
        Assert.Equal("ProfileSignInFailed,FastTrack.PowerShell.Rules.InvokeFtSuccessExecutionCommand", error.FullyQualifiedErrorId);
        Assert.Equal("ConnectionError", error.CategoryInfo.Category.ToString());
        Assert.Contains($"Litware ({Litware}) could not sign in from its connection profile", error.Exception.Message);
        Assert.Contains("GraphSignInUnreachable: ", error.Exception.Message);
        Assert.Empty(result.Output);
        var texts = new List<string> { _session.Host.Text, error.ToString() + error.Exception };
        texts.AddRange(result.Verbose);
        texts.AddRange(Directory.GetFiles(_workspace, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.DoesNotContain(texts, t => t.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void A_profile_that_cannot_sign_in_unattended_is_refused_and_nothing_is_written()
    {
        var before = PlanText(Litware);
        var twoPlaces = Run($"Set-FtCustomerPlan -TenantId {Litware} -ConnectionProfile @{{ Method = 'ClientSecret'; ClientId = 'x'; SecretVariable = 'A'; SecretName = 'b' }} -Workspace $args[0]");
        Assert.Equal("ProfileInvalid,FastTrack.PowerShell.Plans.SetFtCustomerPlanCommand", Assert.Single(twoPlaces.Errors).FullyQualifiedErrorId);
        Assert.Contains("from one place", twoPlaces.Errors[0].Exception.Message);

        var deviceCode = Run("Connect-FtTenant -UseDeviceCode -ClientId 00000000-0000-0000-0000-000000000001 -Save -Workspace $args[0]");
        Assert.Equal("ProfileNotUnattended,FastTrack.PowerShell.Connections.ConnectFtTenantCommand", Assert.Single(deviceCode.Errors).FullyQualifiedErrorId);

        var noSource = Run($"Connect-FtTenant -TenantId {Litware} -ClientId 00000000-0000-0000-0000-000000000001 -ClientSecret $args[1] -Save -Workspace $args[0]", EmulatorProcess.Secure(Secret));
        var error = Assert.Single(noSource.Errors);
        Assert.Equal("ProfileSecretSourceMissing,FastTrack.PowerShell.Connections.ConnectFtTenantCommand", error.FullyQualifiedErrorId);
        Assert.DoesNotContain(Secret, error.ToString());

        // Connect-FtTenant reads the secret where -Save would say it is, before signing in.
        var unset = Assert.Single(Run($"Connect-FtTenant -TenantId {Litware} -ClientId 00000000-0000-0000-0000-000000000001 -SecretVariable $args[1] -Save -Workspace $args[0]", _variable).Errors);
        Assert.Equal("SecretVariableNotSet,FastTrack.PowerShell.Connections.ConnectFtTenantCommand", unset.FullyQualifiedErrorId);
        Assert.Equal(before, PlanText(Litware));
    }

    [Fact]
    public void A_Key_Vault_certificate_is_downloaded_by_the_managed_identity_at_sign_in_and_RemoveConnectionProfile_clears_it()
    {
        Run($"Set-FtCustomerPlan -TenantId {Litware} -ConnectionProfile @{{ ClientId = 'app'; KeyVaultCertificate = 'https://partner.vault.azure.net/certificates/fasttrack' }} -Workspace $args[0]").AssertNoErrors();
        var text = Run($"(Get-FtCustomerPlan -TenantId {Litware} -Workspace $args[0]).ConnectionProfile.ToString()").Single().BaseObject.ToString()!;
        Assert.Equal("Certificate, app app, https://partner.vault.azure.net/certificates/fasttrack, Global", text);

        // The emulator is the vault: the identity's token reads the certificate's secret, a PKCS #12 file with its key.
        var vault = new Uri(_woodgrove.BaseAddress, "certificates/fasttrack-app").ToString();
        Run($"Set-FtCustomerPlan -TenantId {Litware} -ConnectionProfile @{{ ClientId = '11111111-2222-3333-4444-555555555555'; KeyVaultCertificate = $args[1] }} -Workspace $args[0]", vault).AssertNoErrors();
        var error = Assert.Single(Run($"Invoke-FtSuccessExecution -TenantId {Litware} -Workspace $args[0]").Errors);
        Assert.Contains(_woodgrove.Requests(), r => r.GetProperty("PathAndQuery").GetString() == "/secrets/fasttrack-app/?api-version=7.4");
        // The certificate was read and a real sign-in with it tried: this machine has no route to Entra ID.
        Assert.Equal("ProfileSignInFailed,FastTrack.PowerShell.Rules.InvokeFtSuccessExecutionCommand", error.FullyQualifiedErrorId);
        Assert.Contains("GraphSignInUnreachable: ", error.Exception.Message);

        Run($"Set-FtCustomerPlan -TenantId {Litware} -ConnectionProfile @{{ ClientId = 'app'; KeyVaultCertificate = $args[1] }} -Workspace $args[0]", vault.Replace("fasttrack-app", "not-there")).AssertNoErrors();
        var missing = Assert.Single(Run($"Invoke-FtSuccessExecution -TenantId {Litware} -Workspace $args[0]").Errors);
        Assert.Contains("KeyVaultCertificateNotFound: Key Vault has no certificate", missing.Exception.Message);

        Run($"Set-FtCustomerPlan -TenantId {Litware} -RemoveConnectionProfile -Workspace $args[0]").AssertNoErrors();
        Assert.DoesNotContain("connectionProfile", PlanText(Litware));
    }
}
