#Requires -Version 7.4
# Pester 5: the module shares a real pwsh session with other modules' versions of its dependencies. Each case
# runs in a fresh child pwsh (a session's default load context cannot be emptied again), with the versions
# that tests/FastTrack.ModuleHost restores for the same purpose: Microsoft.Graph.Core 3.2.4, Azure.Core
# 1.50.0, MSAL 4.61.3, Kiota 1.22.1. The module's own are those of its build, in its private load context.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:emulator = Start-FtGraphEmulator
    $script:others = Join-Path $FtRepoRoot 'tests/FastTrack.ModuleHost/bin/Debug/net10.0'

    function Invoke-IsolationProbe([string] $Order) {
        $workspace = Join-Path ([IO.Path]::GetTempPath()) ("ft-isolation-" + [guid]::NewGuid())
        try {
            $output = Invoke-ChildShell -ScriptPath (Join-Path $PSScriptRoot 'Fixtures/IsolationProbe.ps1') -ArgumentList @(
                '-Order', $Order, '-ManifestPath', (Get-FtStagedManifest), '-OtherAssemblies', $others,
                '-GraphEndpoint', $emulator.Uri, '-Token', $emulator.Token, '-Workspace', $workspace)
            $LASTEXITCODE | Should -Be 0
            ($output | Select-Object -Last 1) | ConvertFrom-Json
        }
        finally { Remove-Item $workspace -Recurse -Force -ErrorAction SilentlyContinue }
    }
}

AfterAll {
    Stop-FtGraphEmulator $emulator
}

Describe 'Beside other modules'' Graph, Azure and MSAL assemblies' {
    It 'measures through its own Graph client when <_> is loaded first' -ForEach 'OthersFirst', 'ModuleFirst' {
        $probe = Invoke-IsolationProbe $_
        $probe.error | Should -BeNullOrEmpty

        # The other module's versions answer from the default context, before and after the module ran.
        foreach ($answers in $probe.otherBefore, $probe.otherAfter) {
            $answers.'Microsoft.Graph.Core' | Should -Be '3.2.4.0 in Default'
            $answers.'Azure.Core' | Should -Be '1.50.0.0 in Default'
            $answers.'Microsoft.Identity.Client' | Should -Be '4.61.3.0 in Default'
            $answers.'Microsoft.Kiota.Abstractions' | Should -Be '1.22.1.0 in Default'
        }

        # The module measured both services through Graph (the emulator's tenant) ...
        $probe.module.measured | Should -HaveCount 2
        $probe.module.measured | Should -Match '^(Teams|Exchange) \d+ Microsoft Graph for Northwind'

        # ... with its own copies in its private context, beside (never instead of) the session's.
        $probe.module.diagnostics | Should -Contain 'Microsoft.Graph 6.10.0.0 FastTrack.PowerShell'
        $ours = $probe.module.diagnostics | Where-Object { $_ -like 'Microsoft.Graph.Core * FastTrack.PowerShell' }
        $ours | Should -HaveCount 1
        $ours | Should -Not -Match ' 3\.2\.4'
        $probe.module.diagnostics | Where-Object { $_ -like 'Microsoft.Kiota.Abstractions * FastTrack.PowerShell' } | Should -Not -Match ' 1\.22\.1'
        $probe.module.diagnostics | Where-Object { $_ -like 'Azure.Core * FastTrack.PowerShell' } | Should -Not -Match ' 1\.50\.0'
    }
}

Describe 'The .NET build of a dependency under PowerShell 7' {
    It 'reads reports with Sylvan''s .NET 6 build (Dependencies/netcore), in its private context' {
        Import-Module (Get-FtStagedManifest) -Force
        Measure-FtActiveUsage -Sample -Service Teams | Out-Null
        $sylvan = Get-FtModuleDiagnostic | Where-Object Name -eq Sylvan.Data.Csv
        $sylvan.Context | Should -Be 'FastTrack.PowerShell'
        $sylvan.Path | Should -Match '[\\/]Dependencies[\\/]netcore[\\/]Sylvan\.Data\.Csv\.dll$'
        Remove-Module FastTrack.PowerShell
    }
}
