#Requires -Version 7.4
# Pester 5, issue 15: damaged plan files, workspaces that are not there or cannot be, disk faults, time zones,
# sign-in failures and users without an identity each end in the module's own error or warning, by name, in
# real pwsh; one bad plan never stops the others.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:good = '2b7e151a-6a1b-4c1e-9b0e-8f3a5d2c9e41'
    $script:bad = '99999999-8888-7777-6666-555555555555'
}

AfterAll {
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'A damaged plan file' {
    BeforeEach {
        $ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
        New-FtCustomerPlan -TenantId $good -Customer 'Good Co' -IntendedService Teams | Out-Null
        New-FtCustomerPlan -TenantId $bad -Customer 'Bad Co' -IntendedService Teams | Out-Null
        $script:badFile = Join-Path $ws "plans/$bad.json"
    }

    AfterEach {
        $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
        Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'is reported by name while the other plans are listed and run (<Case>)' -ForEach @(
        @{ Case = 'schemaVersion "abc"'; From = '"schemaVersion": 3'; To = '"schemaVersion": "abc"'; Says = 'schemaVersion must be a whole number' }
        @{ Case = 'schemaVersion 99999999999'; From = '"schemaVersion": 3'; To = '"schemaVersion": 99999999999'; Says = 'schemaVersion must be a whole number' }
        @{ Case = 'null in services'; From = '"services": ['; To = '"services": [ null,'; Says = "'plan.services' holds a null entry" }
        @{ Case = 'service 99'; From = '"service": "Teams"'; To = '"service": 99'; Says = 'Error converting value 99' }
        @{ Case = 'target 1e308'; From = '"targetAU": 10.0'; To = '"targetAU": 1e308'; Says = 'must be between 0 and 100' }
        @{ Case = 'a key twice'; From = '"customer": "Bad Co",'; To = '"customer": "Bad Co", "customer": "Other",'; Says = 'customer' }
    ) {
        $text = Get-Content -Raw $badFile
        $text.Contains($From) | Should -BeTrue -Because "the plan file holds $From"
        Set-Content -Path $badFile -Value $text.Replace($From, $To) -NoNewline

        $plans = Get-FtCustomerPlan -ErrorVariable listing -ErrorAction SilentlyContinue
        $plans.Customer | Should -Be 'Good Co'
        $listing | Should -HaveCount 1
        $listing[0].FullyQualifiedErrorId | Should -Match '^Plan(Unreadable|Invalid),'
        "$($listing[0])" | Should -Match ([regex]::Escape($badFile))
        "$($listing[0])" | Should -Match ([regex]::Escape($Says))

        $runs = Invoke-FtSuccessExecution -ErrorVariable nightly -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $runs.Customer | Should -Be 'Good Co'
        $nightly | Should -HaveCount 1
        (Get-Content -Raw $badFile) | Should -Be $text.Replace($From, $To)
    }
}

Describe 'A workspace that is not there or cannot be one' {
    It 'is an error when read, and an export keeps yesterday''s file' {
        $typo = Join-Path ([IO.Path]::GetTempPath()) ("workpsace-" + [guid]::NewGuid())
        { Get-FtCustomerPlan -Workspace $typo -ErrorAction Stop } | Should -Throw -ErrorId 'WorkspaceNotFound,FastTrack.PowerShell.Plans.GetFtCustomerPlanCommand'
        $report = Join-Path ([IO.Path]::GetTempPath()) ("portfolio-" + [guid]::NewGuid() + '.html')
        Set-Content $report 'yesterday'
        try {
            { Export-FtAdoptionReport -Path $report -Force -Workspace $typo -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'NoPlanToReport,FastTrack.PowerShell.Reports.ExportFtAdoptionReportCommand'
            Get-Content $report | Should -Be 'yesterday'
        }
        finally { Remove-Item $report -ErrorAction SilentlyContinue }
        Test-Path $typo | Should -BeFalse
    }

    It 'refuses a path that cannot be a workspace: <Case>' -ForEach @(
        @{ Case = 'NUL'; Root = "bad`0name" }
        @{ Case = '5,000 characters'; Root = (Join-Path ([IO.Path]::GetTempPath()) ('w' * 5000)) }
    ) {
        { New-FtCustomerPlan -TenantId $good -Customer X -Workspace $Root -ErrorAction Stop } |
            Should -Throw -ErrorId 'WorkspaceInvalid,FastTrack.PowerShell.Plans.NewFtCustomerPlanCommand'
    }

    It 'says a read-only disk at once instead of waiting for a lock' -Skip:(-not $IsLinux -or (id -u) -ne '0') {
        $mount = Join-Path ([IO.Path]::GetTempPath()) ("ro-" + [guid]::NewGuid())
        New-Item -ItemType Directory $mount | Out-Null
        mount -t tmpfs -o size=1m tmpfs $mount
        try {
            New-FtCustomerPlan -TenantId $good -Customer 'Good Co' -Workspace $mount | Out-Null
            Remove-Item (Join-Path $mount "plans/$good.lock")
            mount -o remount,ro $mount
            $clock = [Diagnostics.Stopwatch]::StartNew()
            { Set-FtCustomerPlan -TenantId $good -Customer 'Renamed' -Workspace $mount -ErrorAction Stop } |
                Should -Throw -ErrorId 'WorkspaceNotWritable,FastTrack.PowerShell.Plans.SetFtCustomerPlanCommand'
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
            (Get-FtCustomerPlan -Workspace $mount).Customer | Should -Be 'Good Co'
        }
        finally { umount -l $mount; Remove-Item $mount -Recurse -Force -ErrorAction SilentlyContinue }
    }
}

Describe 'Reports of another organisation' {
    It 'are refused for the plan unless -Force, and nothing is saved' {
        $ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $folder = Join-Path $ws 'export'
        New-Item -ItemType Directory $folder -Force | Out-Null
        try {
            New-FtCustomerPlan -TenantId $good -Customer Fabrikam -PrimaryDomain fabrikam.com -IntendedService Teams -Workspace $ws | Out-Null
            Set-FtCustomerPlan -TenantId $good -Service Teams -Basis LicensedUsers -Workspace $ws
            @('Report Refresh Date,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Call Count,Meeting Count,Has Other Action,Is Licensed,Report Period'
              '2026-11-28,ana@contoso.com,2026-11-27,False,,Microsoft 365 E3,1,0,0,0,No,Yes,28') | Set-Content (Join-Path $folder 'teams.csv')
            { Measure-FtActiveUsage -TenantId $good -Path $folder -Save -Workspace $ws -ErrorAction Stop } |
                Should -Throw -ErrorId 'ReportsOfAnotherOrganisation,FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand'
            Get-FtActiveUsageHistory -TenantId $good -Workspace $ws | Should -BeNullOrEmpty
            (Measure-FtActiveUsage -TenantId $good -Path $folder -Force -Workspace $ws).ActiveUsers | Should -Be 1
        }
        finally { Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue }
    }
}

Describe 'Calendar dates across time zones' {
    It 'keeps a blocker opened today in UTC+14 on that day when read in UTC-11' {
        $ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $script = Join-Path $ws 'tz.ps1'
        New-Item -ItemType Directory $ws | Out-Null
        Set-Content $script @'
param($Manifest, $Workspace, $Step)
Import-Module $Manifest
if ($Step -eq 'write') {
    New-FtCustomerPlan -TenantId 2b7e151a-6a1b-4c1e-9b0e-8f3a5d2c9e41 -Customer Kiribati -Workspace $Workspace | Out-Null
    Add-FtBlocker -TenantId 2b7e151a-6a1b-4c1e-9b0e-8f3a5d2c9e41 -Description 'Proxy' -Opened (Get-Date) -Workspace $Workspace
    (Get-Date).ToString('yyyy-MM-dd')
}
else { (Get-FtBlocker -Workspace $Workspace).Opened.ToString('yyyy-MM-dd') }
'@
        try {
            $env:TZ = 'Pacific/Kiritimati'
            $written = Invoke-ChildShell -ScriptPath $script -ArgumentList @('-Manifest', (Get-FtStagedManifest), '-Workspace', $ws, '-Step', 'write') | Select-Object -Last 1
            $env:TZ = 'Pacific/Pago_Pago'
            $read = Invoke-ChildShell -ScriptPath $script -ArgumentList @('-Manifest', (Get-FtStagedManifest), '-Workspace', $ws, '-Step', 'read') | Select-Object -Last 1
            $read | Should -Be $written
            (Get-Content -Raw (Join-Path $ws "plans/$good.json")) | Should -Match ('"opened": "' + $written + '"')
        }
        finally {
            Remove-Item Env:TZ -ErrorAction SilentlyContinue
            Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Sign-in and users piped in' {
    It 'refuses a tenant that is not one, and says when Entra ID cannot be reached, without the secret' {
        $secret = ConvertTo-SecureString 'pester-secret-51c2' -AsPlainText -Force
        { Connect-FtTenant -TenantId 'bad tenant' -ClientId 00000000-0000-0000-0000-000000000001 -ClientSecret $secret -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidTenant,FastTrack.PowerShell.Connections.ConnectFtTenantCommand'
        $clock = [Diagnostics.Stopwatch]::StartNew()
        try { Connect-FtTenant -TenantId contoso.onmicrosoft.com -ClientId 00000000-0000-0000-0000-000000000001 -ClientSecret $secret -ErrorAction Stop }
        catch { $failure = $_ }
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 8
        $failure.FullyQualifiedErrorId | Should -Be 'GraphSignInUnreachable,FastTrack.PowerShell.Connections.ConnectFtTenantCommand'
        "$failure" | Should -Not -Match 'pester-secret-51c2'
    }

    It 'names users without an identity and a -GroupBy property nobody has' {
        $users = @(
            [pscustomobject]@{ UserPrincipalName = 'avery.smith.000000@contoso.com'; Department = 'Sales' }
            [pscustomobject]@{ Id = '1b2c'; Department = 'Sales' }
        )
        $users | Measure-FtActiveUsage -Sample -Service Teams -ErrorVariable missing -ErrorAction SilentlyContinue | Should -HaveCount 1
        $missing.FullyQualifiedErrorId | Should -Be 'UserIdentityMissing,FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand'
        $users[0] | Measure-FtActiveUsage -Sample -Service Teams -GroupBy Departmnt -WarningVariable warned -WarningAction SilentlyContinue | Out-Null
        "$warned" | Should -Match "No object piped in has a 'Departmnt' property"
    }

    It 'warns when the nightly run has no data source, and records it' {
        $ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        try {
            New-FtCustomerPlan -TenantId $good -Customer 'Good Co' -IntendedService Teams -Workspace $ws | Out-Null
            $run = Invoke-FtSuccessExecution -Workspace $ws -WarningVariable warned -WarningAction SilentlyContinue
            "$warned" | Should -Match 'Good Co was not measured: no usage source'
            $run.NotMeasured | Should -Be "$warned"
            (Get-FtCustomerPlan -Workspace $ws).LastRun.NotMeasured | Should -Be "$warned"
        }
        finally { Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue }
    }
}
