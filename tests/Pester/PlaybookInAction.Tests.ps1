#Requires -Version 5.1
# Pester 5: next actions, tasks, criteria and promotion, as a FastTrack manager runs them.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:contoso = '6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9e0b11'
}

AfterAll {
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'The playbook in action' {
    BeforeEach {
        $ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
        New-FtCustomerPlan -TenantId $contoso -Customer Contoso -CsmName 'Avery Smith' -IntendedService Teams, OneDrive | Out-Null
        Set-FtCustomerPlan -TenantId $contoso -Service Teams, OneDrive -EnabledOn 2026-09-01 -CommunicatedOn 2026-09-10
    }

    AfterEach {
        $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
        Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'orders the next actions and says why' {
        $actions = Get-FtNextAction
        $actions[0].Kind | Should -Be 'CustomerDecision'
        ($actions | Where-Object TaskId -eq 3731).Why | Should -Match 'CSM Avery Smith is assigned and Teams was enabled'
        ($actions | Where-Object Activity -eq 'ScheduleCheckIns').Services | Should -Be 'OneDrive'
    }

    It 'pipes tasks into Set-FtTask' {
        Get-FtTask -TenantId $contoso -Id 3731 | Set-FtTask -Status Done
        (Get-FtTask -TenantId $contoso -Id 3731).Status | Should -Be 'Done'
    }

    It 'refuses the promotion while criteria fail and keeps a forced reason' {
        { Complete-FtSuccessExecution -TenantId $contoso -ErrorAction Stop } |
            Should -Throw -ErrorId 'SuccessCriteriaNotMet,FastTrack.PowerShell.Rules.CompleteFtSuccessExecutionCommand'
        Test-FtSuccessCriteria -TenantId $contoso -Quiet | Should -BeFalse
        $plan = Complete-FtSuccessExecution -TenantId $contoso -Force -Reason 'Agreed with the CSM' -PassThru
        $plan.Phase | Should -Be 'SuccessReview'
        $plan.PhaseHistory[0].Reason | Should -Be 'Agreed with the CSM'
    }
}

Describe 'Handshake and check-ins' {
    BeforeEach {
        $ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
        New-FtCustomerPlan -TenantId $contoso -Customer Contoso -CsmName 'Avery Smith' -IntendedService Teams, OneDrive | Out-Null
        Set-FtCustomerPlan -TenantId $contoso -Service Teams, OneDrive -EnabledOn 2026-09-01 -CommunicatedOn 2026-09-10
    }

    AfterEach {
        $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
        Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'hands Teams to the CSM and writes the note' {
        $note = Get-FtCustomerPlan -TenantId $contoso | Invoke-FtHandshake
        $note.Workload | Should -Be 'Teams'
        $note.CsmOwnsAdoption | Should -BeTrue
        { Invoke-FtHandshake -TenantId $contoso -Service Yammer -ErrorAction Stop } |
            Should -Throw -ErrorId 'WorkloadNotEnabled,FastTrack.PowerShell.Rules.InvokeFtHandshakeCommand'
    }

    It 'schedules check-ins for the services not handed to the CSM and exports them' {
        Invoke-FtHandshake -TenantId $contoso | Out-Null
        New-FtCheckInSchedule -TenantId $contoso -Start 2027-01-04 -Until 2027-02-28
        (Get-FtCustomerPlan -TenantId $contoso).CheckIns.Count | Should -Be 4
        (Get-FtCustomerPlan -TenantId $contoso).CheckIns[0].Services | Should -Be 'OneDrive'
        $ics = Join-Path $ws 'checkins.ics'
        Export-FtCheckInCalendar -Path $ics -From 2027-01-01
        (Select-String -Path $ics -Pattern 'BEGIN:VEVENT').Count | Should -Be 4
    }
}

Describe 'Invoke-FtSuccessExecution' {
    BeforeEach {
        $ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
        $sample = '7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b'
        New-FtCustomerPlan -TenantId $sample -Customer Contoso -CsmName 'Avery Smith' -IntendedService Teams, OneDrive | Out-Null
        Set-FtCustomerPlan -TenantId $sample -Service Teams, OneDrive -EnabledOn 2026-06-01 -CommunicatedOn 2026-06-05
    }

    AfterEach {
        $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
        Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'writes nothing under -WhatIf and returns the same result' {
        $before = Get-FileHash (Join-Path $ws "plans/$sample.json")
        $preview = Invoke-FtSuccessExecution -WhatIf
        $preview.Saved | Should -BeFalse
        $preview.Changes.Text | Should -Contain 'First run of the playbook for Contoso.'
        (Get-FileHash (Join-Path $ws "plans/$sample.json")).Hash | Should -Be $before.Hash
    }

    It 'measures the sample tenant, saves the snapshot and reports changes on the next run' {
        $first = Invoke-FtSuccessExecution
        $first.Saved | Should -BeTrue
        $first.Measured.Service | Should -Be @('Teams', 'OneDrive')
        (Get-FtActiveUsageHistory -TenantId $sample).Count | Should -Be 2
        Invoke-FtSuccessExecution | Should -BeNullOrEmpty -Because 'a plan run today is skipped'
        $second = Invoke-FtSuccessExecution -Force
        $second.Changes.Kind | Should -Not -Contain 'FirstRun'
    }
}

Describe 'The sample tenant to the success review' {
    BeforeAll {
        $script:sample = '7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b'
        $script:ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
        New-FtCustomerPlan -TenantId $sample -Customer Contoso -CsmName 'Avery Smith' -IntendedService Teams, OneDrive | Out-Null
        Set-FtCustomerPlan -TenantId $sample -Service Teams, OneDrive -EnabledOn ([datetime]::Today.AddDays(-120)) -CommunicatedOn ([datetime]::Today.AddDays(-110))
    }

    AfterAll {
        $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
        Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'runs the playbook, holds the promotion while a mandatory task or a service is short, then promotes' {
        Invoke-FtSuccessExecution -TenantId $sample | Out-Null
        Set-FtCustomerPlan -TenantId $sample -OneDriveAdoptionProgram Accepted
        Invoke-FtHandshake -TenantId $sample | Out-Null
        'Teams', 'OneDrive' | ForEach-Object { Add-FtTraining -TenantId $sample -Service $_ -Audience 'All staff' -Attendees 400 }
        Add-FtTrackingEvidence -TenantId $sample -Tool AdoptionScore -ShownBy 'Jordan Lee' -Service OneDrive

        $criteria = Test-FtSuccessCriteria -TenantId $sample
        ($criteria | Where-Object Id -eq 'MandatoryTasksDone').Evidence | Should -Match '3740 OneDrive - Conduct OneDrive Adoption Program Introduction \(NotStarted\)'
        ($criteria | Where-Object Id -eq 'ActiveUsageGoalMet').Evidence | Should -Match 'OneDrive AU is'
        ($criteria | Where-Object Id -eq 'CsmLeadsModernComms').Result | Should -Be 'Pass'
        { Complete-FtSuccessExecution -TenantId $sample -ErrorAction Stop } |
            Should -Throw -ErrorId 'SuccessCriteriaNotMet,FastTrack.PowerShell.Rules.CompleteFtSuccessExecutionCommand'

        3740, 3741 | ForEach-Object { Set-FtTask -TenantId $sample -Id $_ -Status Done }
        Set-FtSuccessMetric -TenantId $sample -Name 'Departments storing files in OneDrive' -Service OneDrive -Target 12 -Current 14
        Test-FtSuccessCriteria -TenantId $sample -Quiet | Should -BeTrue
        (Get-FtNextAction -TenantId $sample)[-1].Kind | Should -Be 'Promote'

        (Complete-FtSuccessExecution -TenantId $sample -PassThru).Phase | Should -Be 'SuccessReview'
        $run = Invoke-FtSuccessExecution -TenantId $sample -Force
        $run.Phase | Should -Be 'SuccessReview'
        $run.NextActions | Should -BeNullOrEmpty
        Get-FtNextAction -TenantId $sample | Should -BeNullOrEmpty
    }

    It 'names criteria and next actions in Spanish with -Culture es-ES' {
        $ws2 = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        try {
            New-FtCustomerPlan -TenantId $sample -Customer Contoso -IntendedService Teams -Workspace $ws2 | Out-Null
            (Get-FtNextAction -TenantId $sample -Culture es-ES -Workspace $ws2)[0].Title | Should -Be 'Habilitar Teams'
            (Test-FtSuccessCriteria -TenantId $sample -Culture es-ES -Workspace $ws2)[0].Evidence | Should -Be 'Teams no está habilitado'
        }
        finally { Remove-Item $ws2 -Recurse -Force -ErrorAction SilentlyContinue }
    }
}
