#Requires -Version 7.4
# Pester 5, issue 19: a plan's connection profile, saved by Connect-FtTenant -Save and Set-FtCustomerPlan, read by
# Invoke-FtSuccessExecution to sign in by itself. The Graph emulator is Graph and the managed identity endpoint of
# App Service/Functions/Automation; a stand-in Microsoft.PowerShell.SecretManagement module is the vault.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:emulator = Start-FtGraphEmulator -TenantId '4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c7d' -Customer Woodgrove -Domain woodgrove.example
    $script:litware = '9b8a7c6d-5e4f-4b3a-8c2d-1e0f9a8b7c6d'
    $script:secret = 'vault-secret-' + [guid]::NewGuid()
    $script:saved = @{}
    foreach ($name in 'IDENTITY_ENDPOINT', 'IDENTITY_HEADER', 'PSModulePath') { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    $env:IDENTITY_ENDPOINT = [uri]::new($emulator.Uri, 'msi/token').ToString()
    $env:IDENTITY_HEADER = 'emulator-identity-header'
    $script:realSecretManagement = [bool](Get-Module -ListAvailable Microsoft.PowerShell.SecretManagement)

    # Get-Secret as SecretManagement answers it: a SecureString for a text secret, an error for an unknown one.
    $script:vaultModules = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
    $module = New-Item -ItemType Directory (Join-Path $vaultModules 'Microsoft.PowerShell.SecretManagement')
    Set-Content (Join-Path $module 'Microsoft.PowerShell.SecretManagement.psm1') @"
function Get-Secret {
    param([string] `$Name, [string] `$Vault)
    if (`$Vault -eq 'PartnerVault' -and `$Name -eq 'fasttrack-app') { return ConvertTo-SecureString '$secret' -AsPlainText -Force }
    Write-Error "The secret `$Name was not found." -ErrorAction Stop
}
"@
}

AfterAll {
    foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    Disconnect-FtTenant -All -ErrorAction SilentlyContinue
    Remove-Module Microsoft.PowerShell.SecretManagement -ErrorAction SilentlyContinue
    Remove-Item $vaultModules -Recurse -Force -ErrorAction SilentlyContinue
    Stop-FtGraphEmulator $emulator
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'Connection profiles' {
    BeforeEach {
        $ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
        New-FtCustomerPlan -TenantId $emulator.TenantId -Customer Woodgrove -IntendedService Teams | Out-Null
        New-FtCustomerPlan -TenantId $litware -Customer Litware -IntendedService Teams | Out-Null
        Disconnect-FtTenant -All -ErrorAction SilentlyContinue
    }

    AfterEach {
        $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
        Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'Connect-FtTenant -Save keeps the sign-in in the plan, and the nightly run signs in from it' {
        Connect-FtTenant -ManagedIdentity -TenantId $emulator.TenantId -GraphEndpoint $emulator.Uri -Save
        $profile = (Get-FtCustomerPlan -TenantId $emulator.TenantId).ConnectionProfile
        $profile.Method | Should -Be 'ManagedIdentity'
        $profile.GraphEndpoint | Should -Be $emulator.Uri
        $file = Join-Path $ws "plans/$($emulator.TenantId).json"
        Select-String -Path $file -SimpleMatch $emulator.Token | Should -BeNullOrEmpty

        Disconnect-FtTenant -All
        $result = Invoke-FtSuccessExecution -TenantId $emulator.TenantId -Verbose 4>&1
        ($result | Where-Object { $_ -is [Management.Automation.VerboseRecord] }).Message | Should -Contain "Woodgrove: signed in from the plan's connection profile."
        ($result | Where-Object Customer -EQ Woodgrove).Source | Should -Match '^Microsoft Graph for Woodgrove'
        (Get-FtConnection -TenantId $emulator.TenantId).Method | Should -Be 'ManagedIdentity'
    }

    It '-WhatIf connects but leaves the plan as it was' {
        $file = Join-Path $ws "plans/$($emulator.TenantId).json"
        $before = Get-Content -Raw $file
        Connect-FtTenant -ManagedIdentity -TenantId $emulator.TenantId -GraphEndpoint $emulator.Uri -Save -WhatIf
        Get-Content -Raw $file | Should -Be $before
        Get-FtConnection -TenantId $emulator.TenantId | Should -Not -BeNullOrEmpty
    }

    It 'a plan of schema 2 still reads, and gets schema 3 with its profile' {
        $file = Join-Path $ws "plans/$litware.json"
        (Get-Content -Raw $file) -replace '"schemaVersion": 3', '"schemaVersion": 2' | Set-Content -NoNewline $file
        (Get-FtCustomerPlan -TenantId $litware).ConnectionProfile | Should -BeNullOrEmpty
        Set-FtCustomerPlan -TenantId $litware -ConnectionProfile @{ ClientId = '11111111-2222-3333-4444-555555555555'; CertificateThumbprint = '0123456789ABCDEF0123456789ABCDEF01234567' }
        Get-Content -Raw $file | Should -Match '"schemaVersion": 3'
        (Get-FtCustomerPlan -TenantId $litware).ConnectionProfile.CertificateThumbprint | Should -Be '0123456789ABCDEF0123456789ABCDEF01234567'
    }

    It 'a vault profile needs SecretManagement, names the vault and secret, and its secret reaches no file, verbose or error' {
        Set-FtCustomerPlan -TenantId $litware -ConnectionProfile @{ Method = 'ClientSecret'; ClientId = '11111111-2222-3333-4444-555555555555'; SecretVault = 'PartnerVault'; SecretName = 'fasttrack-app' }
        if (-not $realSecretManagement) {
            Invoke-FtSuccessExecution -TenantId $litware -ErrorVariable unavailable -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $unavailable[0].FullyQualifiedErrorId | Should -Be 'SecretManagementUnavailable,FastTrack.PowerShell.Rules.InvokeFtSuccessExecutionCommand'
            $unavailable[0].ToString() | Should -Match "vault 'PartnerVault'.*Microsoft.PowerShell.SecretManagement"
        }

        $env:PSModulePath = $vaultModules + [IO.Path]::PathSeparator + $saved.PSModulePath
        try {
            Set-FtCustomerPlan -TenantId $emulator.TenantId -ConnectionProfile @{ Method = 'ClientSecret'; ClientId = 'app'; SecretVault = 'PartnerVault'; SecretName = 'not-there' }
            $log = Invoke-FtSuccessExecution -Verbose -ErrorVariable failures -ErrorAction SilentlyContinue 4>&1 | Out-String
            $failures.FullyQualifiedErrorId | Should -Be @('VaultSecretNotFound,FastTrack.PowerShell.Rules.InvokeFtSuccessExecutionCommand', 'ProfileSignInFailed,FastTrack.PowerShell.Rules.InvokeFtSuccessExecutionCommand')
            $failures[0].TargetObject | Should -Be 'not-there'
            $failures[0].ToString() | Should -Match "secret 'not-there' of the SecretManagement vault 'PartnerVault'"
            # Litware's secret was read from the vault, and a real sign-in was tried with it (no route to Entra ID here).
            $failures[1].ToString() | Should -Match 'Litware .* could not sign in'
            foreach ($text in @($log) + ($failures | ForEach-Object { $_.ToString() + $_.Exception })) { $text | Should -Not -Match ([regex]::Escape($secret)) }
            Get-ChildItem $ws -Recurse -File | Select-String -SimpleMatch $secret | Should -BeNullOrEmpty
        } finally {
            $env:PSModulePath = $saved.PSModulePath
        }
    }
}
