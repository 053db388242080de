#Requires -Version 5.1
# Pester 5: customer success plans as a user manages them, in a throw-away workspace.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:contoso = '6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11'
    $script:fabrikam = '0b7e3c1d-5a2f-4e8b-8c6d-1f2a3b4c5d6e'
}

AfterAll {
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'Customer success plans' {
    BeforeEach {
        $ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
        New-FtCustomerPlan -TenantId $contoso -Customer 'Contoso Ltd' -PrimaryDomain contoso.com -CsmName 'Avery Smith' -IntendedService Teams, OneDrive | Out-Null
        New-FtCustomerPlan -TenantId $fabrikam -Customer Fabrikam -Segment SMB | Out-Null
        $planFile = Join-Path $ws "plans/$contoso.json"
    }

    AfterEach {
        $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
        Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'lists plans sorted by customer and finds them by wildcard' {
        (Get-FtCustomerPlan).Customer | Should -Be @('Contoso Ltd', 'Fabrikam')
        (Get-FtCustomerPlan -Customer contoso*).TenantId | Should -Be $contoso
    }

    It 'changes plans piped by value and returns the new revision with -PassThru' {
        $plan = Get-FtCustomerPlan -Customer Contoso* | Set-FtCustomerPlan -CsmName 'Jordan Lee' -PassThru
        $plan.Revision | Should -Be 2
        $plan.Csm.Name | Should -Be 'Jordan Lee'
    }

    It 'binds TenantId by property name' {
        [pscustomobject]@{ TenantId = $fabrikam } | Set-FtCustomerPlan -Phase SuccessReview
        (Get-FtCustomerPlan -TenantId $fabrikam).Phase | Should -Be 'SuccessReview'
    }

    It 'leaves the disk unchanged under -WhatIf' {
        $before = Get-Content $planFile -Raw
        Set-FtCustomerPlan -TenantId $contoso -Phase Closed -WhatIf
        Add-FtBlocker -TenantId $contoso -Description 'x' -WhatIf
        Get-Content $planFile -Raw | Should -Be $before
    }

    It 'refuses a change to a plan saved by someone else since it was read, unless -Force' {
        $stale = Get-FtCustomerPlan -TenantId $contoso
        Set-FtCustomerPlan -TenantId $contoso -Phase SuccessReview
        { $stale | Set-FtCustomerPlan -Phase Closed -ErrorAction Stop } | Should -Throw -ErrorId 'PlanChanged,FastTrack.PowerShell.Plans.SetFtCustomerPlanCommand'
        ($stale | Set-FtCustomerPlan -Phase Closed -Force -PassThru).Phase | Should -Be 'Closed'
    }

    It 'refuses <Arguments> with <ErrorId> and writes nothing' -ForEach @(
        @{ Arguments = @{ Service = 'Teams'; TargetAU = 120 }; ErrorId = 'TargetOutOfRange' }
        @{ Arguments = @{ Service = 'Bogus'; TargetAU = 20 }; ErrorId = 'UnknownService' }
        @{ Arguments = @{ Service = 'Teams'; EnabledOn = '2026-05-02'; CommunicatedOn = '2026-05-01' }; ErrorId = 'DatesOutOfOrder' }
    ) {
        $before = Get-Content $planFile -Raw
        { Set-FtCustomerPlan -TenantId $contoso @Arguments -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,FastTrack.PowerShell.Plans.SetFtCustomerPlanCommand"
        Get-Content $planFile -Raw | Should -Be $before
    }

    It 'adds, lists and resolves blockers through the pipeline' {
        Get-FtCustomerPlan -TenantId $contoso | Add-FtBlocker -Service Teams -Description 'Proxy blocks media'
        Add-FtBlocker -TenantId $fabrikam -Description 'No champions'
        (Get-FtBlocker).Count | Should -Be 2
        Get-FtBlocker -Service Teams | Resolve-FtBlocker -Resolution 'Bypass for media'
        (Get-FtBlocker).Description | Should -Be 'No champions'
        (Get-FtBlocker -IncludeResolved).Count | Should -Be 2
    }

    It 'keeps success metrics and training' {
        Set-FtSuccessMetric -TenantId $contoso -Name 'Meetings in Teams' -Target 80 -Unit '%'
        Set-FtSuccessMetric -TenantId $contoso -Name 'Meetings in Teams' -Current 85
        Add-FtTraining -TenantId $contoso -Service VivaEngage -Audience Champions
        $plan = Get-FtCustomerPlan -TenantId $contoso
        $plan.SuccessMetrics[0].IsMet | Should -BeTrue
        $plan.Training[0].Service | Should -Be 'Yammer'
    }

    It 'archives a removed plan' {
        Remove-FtCustomerPlan -TenantId $fabrikam -Confirm:$false
        (Get-FtCustomerPlan).Customer | Should -Be 'Contoso Ltd'
        @(Get-ChildItem (Join-Path $ws 'plans/removed')).Count | Should -Be 1
    }

    It 'reports an unreadable plan and still lists the others, leaving the file untouched' {
        $bad = Join-Path $ws "plans/$fabrikam.json"
        Set-Content -Path $bad -Value '{ "schemaVersion": 1, "customer": ' -NoNewline
        $plans = Get-FtCustomerPlan -ErrorVariable err -ErrorAction SilentlyContinue
        $plans.Customer | Should -Be 'Contoso Ltd'
        $err[0].FullyQualifiedErrorId | Should -Be 'PlanUnreadable,FastTrack.PowerShell.Plans.GetFtCustomerPlanCommand'
        $err[0].Exception.Message | Should -BeLike "*$bad*"
        Get-Content $bad -Raw | Should -Be '{ "schemaVersion": 1, "customer": '
    }

    It 'shows customer, phase, CSM, targets met and open blockers' {
        $text = Get-FtCustomerPlan | Out-String -Width 200
        $text | Should -Match 'Contoso Ltd\s+SuccessExecution\s+Avery Smith\s+0 of 2\s+0'
    }

    It 'completes customer names from the workspace' {
        $line = "Get-FtCustomerPlan -Workspace '$ws' -Customer Con"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be "'Contoso Ltd'"
    }
}
