#Requires -Version 5.1
# Pester 5. Run with ./build.ps1 -Task Test, or Invoke-Pester tests/Pester after `dotnet build`.

BeforeDiscovery {
    # -ForEach data is computed at discovery, before BeforeAll runs.
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $commands = (Get-Command -Module FastTrack.PowerShell).Name
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:manifest = Get-FtStagedManifest
    Import-Module $script:manifest -Force
}

AfterAll {
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'The FastTrack.PowerShell module' {
    It 'has a valid manifest at the build version' {
        $info = Test-ModuleManifest -Path $script:manifest
        $info.Version | Should -Be (Get-FtBuildVersion)
        $info.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $info.PowerShellVersion | Should -Be '5.1'
    }

    It 'exports exactly its cmdlets' {
        (Get-Command -Module FastTrack.PowerShell).Name | Sort-Object |
            Should -Be @('Add-FtBlocker', 'Add-FtTrackingEvidence', 'Add-FtTraining', 'Complete-FtSuccessExecution', 'Connect-FtTenant', 'Disconnect-FtTenant', 'Export-FtAdoptionReport', 'Export-FtCheckInCalendar',
                'Find-FtKeyInput', 'Get-FtActiveUsageHistory', 'Get-FtBlocker', 'Get-FtCheckIn', 'Get-FtConnection', 'Get-FtCustomerPlan', 'Get-FtModuleDiagnostic', 'Get-FtNextAction', 'Get-FtPlaybookActivity',
                'Get-FtPlaybookTask', 'Get-FtPortfolio', 'Get-FtTask', 'Get-FtUserActivity', 'Invoke-FtHandshake', 'Invoke-FtSuccessExecution', 'Measure-FtActiveUsage', 'New-FtCheckInSchedule',
                'New-FtCustomerPlan', 'Remove-FtCustomerPlan', 'Resolve-FtBlocker', 'Send-FtAdoptionDigest', 'Set-FtCheckIn', 'Set-FtCustomerPlan', 'Set-FtSuccessMetric', 'Set-FtTask', 'Test-FtSuccessCriteria')
        (Get-Module FastTrack.PowerShell).ExportedFunctions.Count | Should -Be 0
        (Get-Module FastTrack.PowerShell).ExportedAliases.Count | Should -Be 0
    }

    It 'has help with a synopsis, a description and an example for <_>' -ForEach $commands {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^$_ \["
        ($help.Description.Text -join ' ').Length | Should -BeGreaterThan 40
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
    }

    It 'documents every parameter of <_>' -ForEach $commands {
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $actual = (Get-Command $_).Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object
        $documented = (Get-Help $_ -Full).Parameters.Parameter.Name | Sort-Object
        $documented | Should -Be $actual
    }
}
