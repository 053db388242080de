#Requires -Version 5.1
# Pester 5: connecting tenants. The live path runs against the repository's Graph emulator (started with
# dotnet, as the xunit tests do); the sample connection needs nothing.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:emulator = Start-FtGraphEmulator
    $script:graph = $emulator.Uri
    $script:tenant = $emulator.TenantId
    $script:secureToken = $emulator.SecureToken
    $script:root = $FtRepoRoot
}

AfterAll {
    Disconnect-FtTenant -All -ErrorAction SilentlyContinue
    Stop-FtGraphEmulator $emulator
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'Connect-FtTenant' {
    BeforeEach {
        $ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
    }

    AfterEach {
        $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
        Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'connects the sample tenant offline' {
        $connection = Connect-FtTenant -Sample -PassThru
        $connection.DisplayName | Should -Be 'Contoso'
        Get-FtConnection -TenantId $connection.TenantId | Should -Not -BeNullOrEmpty
        Disconnect-FtTenant -TenantId $connection.TenantId
    }

    It 'connects with a token and measures a plan through Graph' {
        $connection = Connect-FtTenant -AccessToken $secureToken -GraphEndpoint $graph -PassThru
        $connection.TenantId | Should -Be $tenant
        New-FtCustomerPlan -TenantId $tenant -Customer Northwind -IntendedService Teams | Out-Null
        $au = Get-FtCustomerPlan -TenantId $tenant | Measure-FtActiveUsage -Save
        $au.Source | Should -Match '^Microsoft Graph for Northwind'
        (Get-FtActiveUsageHistory -TenantId $tenant).Service | Should -Be 'Teams'
    }

    It 'measures Microsoft 365 Copilot through Graph, every page of its report followed (issue 20)' {
        Connect-FtTenant -AccessToken $secureToken -GraphEndpoint $graph | Out-Null
        New-FtCustomerPlan -TenantId $tenant -Customer Northwind -IntendedService Copilot | Out-Null
        $copilot = Get-FtCustomerPlan -TenantId $tenant | Measure-FtActiveUsage -Verbose 4>&1 | Tee-Object -Variable all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $copilot.Service | Should -Be 'Microsoft365Copilot'
        $copilot.Denominator | Should -Be 40
        $copilot.Apps.Count | Should -Be 8
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -match 'fetching page 3' | Should -Not -BeNullOrEmpty
    }

    It 'refuses a wrong token with a clear error that does not echo it' {
        $wrong = ConvertTo-SecureString 'wrong-token-value' -AsPlainText -Force
        { Connect-FtTenant -AccessToken $wrong -GraphEndpoint $graph -ErrorAction Stop } |
            Should -Throw -ErrorId 'GraphUnauthorized,FastTrack.PowerShell.Connections.ConnectFtTenantCommand'
        try { Connect-FtTenant -AccessToken $wrong -GraphEndpoint $graph -ErrorAction Stop } catch { $_.ToString() | Should -Not -Match 'wrong-token-value' }
    }

    It 'never prompts in a non-interactive session' {
        $job = Start-Job { Import-Module $using:root/out/FastTrack.PowerShell/*/FastTrack.PowerShell.psd1; Connect-FtTenant -UseDeviceCode -ClientId 00000000-0000-0000-0000-000000000001 -ErrorAction Stop }
        { $job | Wait-Job -Timeout 60 | Receive-Job -ErrorAction Stop } | Should -Throw -ErrorId 'InteractionRequired*'
    }
}
