#Requires -Version 7.4
# Pester 5, issue 17: -WhatIf (and -Confirm) say what would change, field by field, not just which command ran.
# What if: lines go to the host, so the test reads them from a transcript, as an admin reads a job's log.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
    $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
    $script:t = '7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b'
    New-FtCustomerPlan -TenantId $t -Customer Contoso -IntendedService Teams, Yammer -CsmName 'Dana Csm' -CsmEmail dana@contoso.com | Out-Null
    Set-FtCustomerPlan -TenantId $t -Service Teams, Yammer -EnabledOn 2026-09-01 -CommunicatedOn 2026-09-02

    function Get-WhatIf([scriptblock] $Command) {
        $log = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid().ToString() + '.txt')
        Start-Transcript -Path $log -UseMinimalHeader | Out-Null
        try { & $Command } finally { Stop-Transcript | Out-Null }
        $text = (Get-Content -Raw $log) -replace "`r?`n", ' '
        Remove-Item $log
        $text
    }
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
    Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe '-WhatIf on a plan' {
    It 'names the fields and values Set-FtCustomerPlan would change, and changes nothing' {
        $before = Get-Content -Raw (Join-Path $ws "plans/$t.json")
        $text = Get-WhatIf { Set-FtCustomerPlan -TenantId $t -Service Teams -TargetAU 25 -CsmName 'Eli Csm' -WhatIf }
        $text | Should -Match "What if: .*services Teams targetAU 10(\.0)? → 25(\.0)?"
        $text | Should -Match "csm name 'Dana Csm' → 'Eli Csm'"
        Get-Content -Raw (Join-Path $ws "plans/$t.json") | Should -Be $before
    }

    It 'names the workloads and tasks of the CSM handshake' {
        $text = Get-WhatIf { Invoke-FtHandshake -TenantId $t -WhatIf }
        $text | Should -Match "tasks 3731 Teams status 'NotStarted' → 'Done'"
        $text | Should -Match "tasks 3732 Yammer status 'NotStarted' → 'Done'"
    }

    It 'names the blocker Add-FtBlocker would add' {
        Get-WhatIf { Add-FtBlocker -TenantId $t -Service Teams -Description 'Proxy blocks Teams' -WhatIf } |
            Should -Match "blockers 1 added: id 1, service 'Teams', description 'Proxy blocks Teams'"
    }

    It 'says so when a change would change nothing' {
        Get-WhatIf { Set-FtCustomerPlan -TenantId $t -Service Teams -TargetAU 10 -WhatIf } | Should -Match 'nothing changes'
    }
}
