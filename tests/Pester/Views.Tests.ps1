#Requires -Version 7.4
# Pester 5, issue 17: every default view, rendered at 80 columns (a redirected job log is 80 wide), keeps its
# essential columns with the right values; and every column header is a property of the object, so what a table
# shows is what Where-Object, Sort-Object and Select-Object find.

BeforeDiscovery {
    # The output types and the columns a user must see at 80, in the order the view shows them.
    $script:Views = @(
        @{ Name = 'ActiveUsage'; Essential = 'Service', 'AU', 'Target', 'Met' }
        @{ Name = 'ActiveUsageHistory'; Essential = 'Service', 'Latest', 'Target', 'Forecast' }
        @{ Name = 'CustomerPlan'; Essential = 'Customer', 'Phase', 'Csm', 'TargetsMet', 'OpenBlockers' }
        @{ Name = 'TaskDecision'; Essential = 'TaskId', 'Service', 'Applicability', 'Status', 'Name' }
        @{ Name = 'CustomerBlocker'; Essential = 'Id', 'Service', 'IsOpen', 'Description' }
        @{ Name = 'CustomerCheckIn'; Essential = 'Id', 'Date', 'Status', 'Services' }
        @{ Name = 'UserActivity'; Essential = 'UserPrincipalName', 'Service', 'LastActivity', 'Active' }
        @{ Name = 'NextAction'; Essential = 'Order', 'Kind', 'Requirement', 'Title' }
        @{ Name = 'SuccessCriterion'; Essential = 'Result', 'Id', 'Evidence' }
        @{ Name = 'PlaybookTask'; Essential = 'Id', 'Requirement', 'Service', 'Name' }
        @{ Name = 'PlaybookActivity'; Essential = 'Order', 'Name', 'AppliesToText' }
        @{ Name = 'TenantConnection'; Essential = 'TenantId', 'DisplayName', 'DefaultDomain' }
        @{ Name = 'CohortUsage'; Essential = 'Group', 'Service', 'AU', 'Met', 'Absent' }
        @{ Name = 'HandoffNote'; Essential = 'Workload', 'CsmName', 'AU', 'Target', 'Met' }
        @{ Name = 'LoadedDependency'; Essential = 'Name', 'LoadedVersion', 'Context', 'IsModuleCopy' }
        @{ Name = 'PortfolioEntry'; Essential = 'Customer', 'RiskLevel', 'RiskScore', 'TargetsMet', 'TopReason' }
        @{ Name = 'DigestDelivery'; Essential = 'Channel', 'Sent', 'Attempts', 'Subject', 'Recipients' }
        @{ Name = 'KeyInputProposal'; Essential = 'Service', 'EnabledOn', 'Status', 'Source' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
    $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
    $t = '7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b'
    New-FtCustomerPlan -TenantId $t -Customer Contoso -IntendedService Teams, OneDrive, Yammer -CsmName 'Dana Csm' -CsmEmail dana@contoso.com | Out-Null
    Set-FtCustomerPlan -TenantId $t -Service Teams, OneDrive, Yammer -EnabledOn 2026-09-01 -CommunicatedOn 2026-09-02
    Add-FtBlocker -TenantId $t -Service Teams -Description 'Proxy blocks Teams media traffic from the branch offices' -Owner 'Network team'
    Measure-FtActiveUsage -TenantId $t -Sample -Save -Confirm:$false | Out-Null
    New-FtCheckInSchedule -TenantId $t -EveryDays 14 -Until (Get-Date).AddDays(30) -Confirm:$false
    Connect-FtTenant -Sample
    $script:emulator = Start-FtGraphEmulator
    $script:Objects = @{
        ActiveUsage        = @(Measure-FtActiveUsage -Sample)
        ActiveUsageHistory = @(Get-FtActiveUsageHistory -TenantId $t)
        CustomerPlan       = @(Get-FtCustomerPlan)
        TaskDecision       = @(Get-FtTask -TenantId $t)
        CustomerBlocker    = @(Get-FtBlocker)
        CustomerCheckIn    = @(Get-FtCheckIn)
        UserActivity       = @(Get-FtUserActivity -Sample -Service Teams | Select-Object -First 5)
        NextAction         = @(Get-FtNextAction)
        SuccessCriterion   = @(Test-FtSuccessCriteria)
        PlaybookTask       = @(Get-FtPlaybookTask)
        PlaybookActivity   = @(Get-FtPlaybookActivity -Culture es-ES)
        TenantConnection   = @(Get-FtConnection)
        CohortUsage        = @((Get-FtUserActivity -Sample -Service Teams | Select-Object -First 20 | ForEach-Object UserPrincipalName) | Measure-FtActiveUsage -Sample -Service Teams 3>$null)
        HandoffNote        = @(Invoke-FtHandshake -TenantId $t -Service Teams -Confirm:$false)
        LoadedDependency   = @(Get-FtModuleDiagnostic)
        PortfolioEntry     = @(Get-FtPortfolio)
        DigestDelivery     = @(Send-FtAdoptionDigest -WebhookUrl (Get-FtEmulatorWebhookUrl $emulator) -Confirm:$false)
        KeyInputProposal   = @(Find-FtKeyInput -TenantId $t)
    }
}

AfterAll {
    Stop-FtGraphEmulator $emulator
    Disconnect-FtTenant -All -ErrorAction SilentlyContinue
    $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
    Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'The default view of <Name> at 80 columns' -ForEach $Views {
    BeforeAll {
        $script:items = $Objects[$Name]
        $script:text = $items | Out-String -Width 80
        $script:lines = $text -split "`r?`n"
        $script:header = $lines | Where-Object { $_ -match '^\s*\S' -and $_ -match "\b$($Essential[0])\b" -and $_ -notmatch ':' } | Select-Object -First 1
    }

    It 'has objects to show' {
        $items.Count | Should -BeGreaterThan 0
    }

    It 'fits: no line is wider than 80' {
        $lines | Where-Object Length -gt 80 | Should -BeNullOrEmpty
    }

    It 'shows its essential columns, in order, with nothing cut' {
        $header | Should -Not -BeNullOrEmpty
        $header | Should -Match (($Essential | ForEach-Object { [regex]::Escape($_) }) -join '\s+.*?')
        $header | Should -Not -Match '…'
    }

    It 'names its columns after properties of the object' {
        $columns = ($header.Trim() -split '\s+')
        foreach ($column in $columns) {
            $items[0].PSObject.Properties[$column] | Should -Not -BeNullOrEmpty -Because "'$column' is a column of the $Name view"
        }
    }
}

Describe 'The values a view shows at 80 columns' {
    It 'are the AU, target and met of each measurement, not a truncated figure' {
        $text = $Objects.ActiveUsage | Out-String -Width 80
        foreach ($usage in $Objects.ActiveUsage) {
            $row = $text -split "`n" | Where-Object { $_ -match "^$($usage.Service)\s" }
            $row | Should -Match ('\s{0}\s+{1}\s+{2}\s' -f [regex]::Escape($usage.ActiveUsagePercent.ToString('0.0', [cultureinfo]::InvariantCulture)), $usage.TargetPercent, $(if ($usage.MeetsTarget) { 'Yes' } else { 'No' }))
        }
    }

    It 'are the whole task names, wrapped rather than cut' {
        $text = $Objects.TaskDecision | Out-String -Width 80
        ($text -replace '\s+', ' ') | Should -Match ([regex]::Escape('Teams - Post Enablement') + '\s?' + 'F?\s?ield Handshake')
    }

    It 'translate "(all services)" with the activity names' {
        $Objects.PlaybookActivity | Out-String -Width 80 | Should -Match '\(todos los servicios\)'
    }

    It 'are a morning summary for a scheduled run: AU, changes, criteria and next actions, a line each' {
        $text = Invoke-FtSuccessExecution -Sample -WhatIf 6>$null | Out-String -Width 80
        $text -split "`n" | Where-Object Length -gt 80 | Should -BeNullOrEmpty
        $text | Should -Match 'Contoso \(SuccessExecution\), run \d{4}-\d\d-\d\d \d\d:\d\d, not saved'
        $text | Should -Match '(?m)^  AU {8}Teams \d+\.\d% \(target 10%, met\)'
        $text | Should -Match '(?m)^  Criteria  \d of \d met'
        $text | Should -Match '(?m)^  Next 1 {4}\S'
        $text | Should -Not -Match '\{.*…\}'
    }

    It 'show a training list''s first users and how many more, not a truncated collection' {
        $list = Get-FtUserActivity -Sample -Service Teams -AsTrainingList
        $text = $list | Out-String -Width 80
        $text | Should -Match ([regex]::Escape($list.Users[0]))
        $text | Should -Match "and $($list.Users.Count - 3) more"
        $text | Should -Not -Match '\{'
    }
}

Describe 'Names a user reaches for' {
    It 'finds a task by Id and a criterion by Criterion' {
        @($Objects.TaskDecision | Where-Object Id -eq 3731).Count | Should -Be 1
        ($Objects.SuccessCriterion | Select-Object -First 1 Criterion).Criterion | Should -Be $Objects.SuccessCriterion[0].Id
    }
}
