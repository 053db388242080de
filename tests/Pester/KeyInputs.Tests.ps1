#Requires -Version 7.4
# Pester 5, issue 20: key inputs found, not typed. Find-FtKeyInput reads a connected tenant (the Graph emulator,
# through the real client) or the sample tenant; -WhatIf shows what would be set; piped to Set-FtCustomerPlan the
# dates are recorded with their source, and the success criterion says which were detected and which entered.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:emulator = Start-FtGraphEmulator
    $script:ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
    $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
    $script:northwind = $emulator.TenantId
    $script:contoso = '7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b'
    New-FtCustomerPlan -TenantId $northwind -Customer Northwind -IntendedService Teams, Yammer, OneDrive | Out-Null
    New-FtCustomerPlan -TenantId $contoso -Customer Contoso -IntendedService Teams | Out-Null
    Connect-FtTenant -AccessToken $emulator.SecureToken -GraphEndpoint $emulator.Uri
}

AfterAll {
    Disconnect-FtTenant -All -ErrorAction SilentlyContinue
    Stop-FtGraphEmulator $emulator
    $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
    Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'Find-FtKeyInput' {
    It 'finds the enabled date of each intended service of a connected tenant, with its source and evidence' {
        $found = Find-FtKeyInput -TenantId $northwind
        $found.Service | Should -Be 'Teams', 'Yammer', 'OneDrive'
        $found.Status | Sort-Object -Unique | Should -Be 'New'
        $found | ForEach-Object { $_.EnabledOn | Should -BeLessThan ([datetime]::Today.AddDays(-180)) }
        $found[0].Source | Should -Be 'plan TEAMS1'
        $found[0].From | Should -BeLike 'Microsoft Graph for Northwind*'
        ($found[0].Evidence -join "`n") | Should -Match 'assigned to the tenant on \d{4}-\d\d-\d\d \(organization assignedPlans\)'
    }

    It 'fits 80 columns in a job log' {
        $lines = Find-FtKeyInput -TenantId $northwind | Out-String -Width 80 -Stream | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^Customer\s+Service\s+EnabledOn\s+Status\s+Source'
        $lines | Where-Object Length -gt 80 | Should -BeNullOrEmpty
        $lines | Select-Object -Skip 2 | Should -HaveCount 3   # one line per service, no wrapped source
    }

    It '-WhatIf says what would be set and writes nothing' {
        $file = Join-Path $ws "plans/$northwind.json"
        $before = Get-FileHash $file
        # What if: lines go to the host: read them from a transcript, as an admin reads a job's log.
        $log = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid().ToString() + '.txt')
        Start-Transcript -Path $log -UseMinimalHeader | Out-Null
        try { Find-FtKeyInput -TenantId $northwind | Set-FtCustomerPlan -WhatIf } finally { Stop-Transcript | Out-Null }
        $whatIf = (Get-Content -Raw $log) -replace "`r?`n", ' '
        Remove-Item $log
        (Get-FileHash $file).Hash | Should -Be $before.Hash
        $whatIf | Should -Match "services Yammer enabledOn \(none\) → '\d{4}-\d\d-\d\d'; services Yammer enabledSource \(none\) → 'plan YAMMER_ENTERPRISE, from Microsoft Graph for Northwind"
    }

    It 'records the dates piped to Set-FtCustomerPlan; the criterion says detected or entered' {
        Find-FtKeyInput -TenantId $northwind | Where-Object Status -eq New | Set-FtCustomerPlan
        Set-FtCustomerPlan -TenantId $northwind -Service Teams, Yammer -CommunicatedOn ([datetime]::Today)
        Set-FtCustomerPlan -TenantId $northwind -Service OneDrive -EnabledOn 2026-01-05 -CommunicatedOn 2026-01-06
        (Find-FtKeyInput -TenantId $northwind).Status | Should -Be 'Same', 'Same', 'Differs'
        $evidence = (Test-FtSuccessCriteria -TenantId $northwind | Where-Object Id -eq ServicesEnabledAndCommunicated).Evidence
        $evidence | Should -Match 'Teams enabled \d{4}-\d\d-\d\d \(detected: plan TEAMS1, from Microsoft Graph for Northwind'
        $evidence | Should -Match 'OneDrive enabled 2026-01-05 \(entered\)'
    }

    It 'reads the sample tenant offline, and one plan that cannot be read does not stop the others' {
        New-FtCustomerPlan -TenantId ([guid]::NewGuid()) -Customer Fabrikam -IntendedService Teams | Out-Null
        $found = Find-FtKeyInput -ErrorVariable failed -ErrorAction SilentlyContinue
        $found.Customer | Sort-Object -Unique | Should -Be 'Contoso', 'Northwind'
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'KeyInputTenantNotConnected,FastTrack.PowerShell.KeyInputs.FindFtKeyInputCommand'
        $failed[0].Exception.Message | Should -Match 'The tenant of Fabrikam .* is not connected: run Connect-FtTenant'
    }
}
