#Requires -Version 7.4
# Pester 5, issue 19: deploy/'s Azure Automation runbook and Azure Functions timer function run the nightly
# portfolio outside Azure as they would inside: a fresh pwsh, the module imported by name, a folder workspace, and
# the Graph emulator as Graph and as the managed identity endpoint of Automation and Functions (IDENTITY_ENDPOINT,
# IDENTITY_HEADER). Each tenant signs in from its plan's connection profile; nothing is connected beforehand.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:emulator = Start-FtGraphEmulator -TenantId '2f3e4d5c-6b7a-4c8d-9e0f-1a2b3c4d5e6f' -Customer Woodgrove -Domain woodgrove.example
    $script:litware = '8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d'
    $script:secret = 'deploy-secret-' + [guid]::NewGuid()
    $script:saved = @{}
    foreach ($name in 'FASTTRACK_WORKSPACE', 'IDENTITY_ENDPOINT', 'IDENTITY_HEADER', 'PSModulePath', 'FT_DEPLOY_SECRET') { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    $env:IDENTITY_ENDPOINT = [uri]::new($emulator.Uri, 'msi/token').ToString()
    $env:IDENTITY_HEADER = 'emulator-identity-header'
    $env:PSModulePath = (Join-Path $FtRepoRoot 'out') + [IO.Path]::PathSeparator + $env:PSModulePath
    Remove-Item Env:FT_DEPLOY_SECRET -ErrorAction SilentlyContinue

    # A workspace of two customers: Woodgrove signs in with the managed identity, Litware with a client secret read
    # from FT_DEPLOY_SECRET (not set unless a test sets it).
    function New-Portfolio {
        $ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        New-FtCustomerPlan -TenantId $emulator.TenantId -Customer Woodgrove -IntendedService Teams, OneDrive -Workspace $ws | Out-Null
        Set-FtCustomerPlan -TenantId $emulator.TenantId -ConnectionProfile @{ Method = 'ManagedIdentity'; GraphEndpoint = $emulator.Uri } -Workspace $ws
        New-FtCustomerPlan -TenantId $litware -Customer Litware -IntendedService Teams -Workspace $ws | Out-Null
        Set-FtCustomerPlan -TenantId $litware -ConnectionProfile @{ Method = 'ClientSecret'; ClientId = '11111111-2222-3333-4444-555555555555'; SecretVariable = 'FT_DEPLOY_SECRET' } -Workspace $ws
        $env:FASTTRACK_WORKSPACE = $ws
        $ws
    }

    # Runs the script in a fresh pwsh, as a job or a worker would; returns its results, errors and console text.
    function Invoke-DeployScript([string] $Path, [switch] $TimerTrigger) {
        $file = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid().ToString() + '.xml')
        $arguments = @('-Script', (Join-Path $FtRepoRoot $Path), '-ResultFile', $file)
        if ($TimerTrigger) { $arguments += '-TimerTrigger' }
        $text = Invoke-ChildShell -ScriptPath (Join-Path $PSScriptRoot 'Fixtures/RunDeployScript.ps1') -ArgumentList $arguments 2>&1 | Out-String
        $outcome = Import-Clixml $file
        Remove-Item $file
        $outcome | Add-Member -NotePropertyName Text -NotePropertyValue $text -PassThru
    }
}

AfterAll {
    foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    Stop-FtGraphEmulator $emulator
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'deploy/automation/Invoke-FtNightlyPortfolio.ps1' {
    BeforeEach { $script:ws = New-Portfolio }
    AfterEach { Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue; Remove-Item Env:FT_DEPLOY_SECRET -ErrorAction SilentlyContinue }

    It 'runs every plan it can sign in to from its profile, and names the missing secret variable of the other' {
        $run = Invoke-DeployScript 'deploy/automation/Invoke-FtNightlyPortfolio.ps1'
        $run.Results.Customer | Should -Be 'Woodgrove'
        $run.Results[0].Source | Should -Match '^Microsoft Graph for Woodgrove'
        $run.Results[0].Saved | Should -BeTrue
        $missing = @($run.Errors | Where-Object Id -Like 'SecretVariableNotSet,*')
        $missing.Count | Should -Be 1
        $missing[0].Target | Should -Be 'FT_DEPLOY_SECRET'
        $missing[0].Text | Should -Match "environment variable 'FT_DEPLOY_SECRET'"
        $run.Text | Should -Match 'Woodgrove: signed in from the plan''s connection profile'
        (Get-FtCustomerPlan -TenantId $emulator.TenantId -Workspace $ws).LastRun | Should -Not -BeNullOrEmpty
        (Get-FtCustomerPlan -TenantId $litware -Workspace $ws).LastRun | Should -BeNullOrEmpty
    }

    It 'reads the secret from its variable at run time and it reaches no output, error or file' {
        $env:FT_DEPLOY_SECRET = $secret
        $run = Invoke-DeployScript 'deploy/automation/Invoke-FtNightlyPortfolio.ps1'
        $run.Results.Customer | Should -Be 'Woodgrove'
        # No route to Entra ID here: the secret was read, and a real sign-in with it was tried and failed.
        $failed = @($run.Errors | Where-Object Id -Like 'ProfileSignInFailed,*')
        $failed.Count | Should -Be 1
        $failed[0].Target | Should -Be $litware
        $failed[0].Text | Should -Match 'Litware .* could not sign in from its connection profile.*Entra ID could not be reached'
        $run.Errors.Id | Should -Not -Contain 'SecretVariableNotSet,FastTrack.PowerShell.Rules.InvokeFtSuccessExecutionCommand'
        $run.Text | Should -Not -Match ([regex]::Escape($secret))
        ($run.Errors | Out-String) | Should -Not -Match ([regex]::Escape($secret))
        Get-ChildItem $ws -Recurse -File | Select-String -SimpleMatch $secret | Should -BeNullOrEmpty
    }

    It 'says what to set when no workspace is given' {
        Remove-Item Env:FASTTRACK_WORKSPACE
        $run = Invoke-DeployScript 'deploy/automation/Invoke-FtNightlyPortfolio.ps1'
        $run.Results | Should -BeNullOrEmpty
        $run.Errors[0].Text | Should -Match 'FASTTRACK_WORKSPACE'
    }
}

Describe 'deploy/functions' {
    BeforeEach { $script:ws = New-Portfolio }
    AfterEach { Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue }

    It 'runs the portfolio from the timer function with a stand-in $Timer, and says when it is late' {
        $run = Invoke-DeployScript 'deploy/functions/NightlyPortfolio/run.ps1' -TimerTrigger
        $run.Results.Customer | Should -Be 'Woodgrove'
        $run.Results[0].Source | Should -Match '^Microsoft Graph for Woodgrove'
        @($run.Errors | Where-Object Id -Like 'SecretVariableNotSet,*').Count | Should -Be 1
        $run.Text | Should -Match 'starts late'
        $run.Text | Should -Match '1 plan\(s\) run, 1 failed'
    }

    It 'is a PowerShell Functions app with a nightly timer trigger' {
        $functionJson = Get-Content -Raw (Join-Path $FtRepoRoot 'deploy/functions/NightlyPortfolio/function.json') | ConvertFrom-Json
        $trigger = $functionJson.bindings | Where-Object type -EQ 'timerTrigger'
        $trigger.name | Should -Be 'Timer'
        $trigger.direction | Should -Be 'in'
        ($trigger.schedule -split ' ').Count | Should -Be 6   # NCRONTAB: second minute hour day month weekday
        $trigger.schedule | Should -Be '0 0 2 * * *'
        $hostJson = Get-Content -Raw (Join-Path $FtRepoRoot 'deploy/functions/host.json') | ConvertFrom-Json
        $hostJson.version | Should -Be '2.0'
        $hostJson.managedDependency.enabled | Should -BeFalse
        Import-PowerShellDataFile (Join-Path $FtRepoRoot 'deploy/functions/requirements.psd1') | Should -BeOfType [hashtable]
        Get-Content -Raw (Join-Path $FtRepoRoot 'deploy/functions/NightlyPortfolio/run.ps1') | Should -Match '(?m)^param\(\$Timer\)'
    }
}
