#Requires -Version 5.1
# Pester 5: the playbook cmdlets as a user runs them.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
}

AfterAll {
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'Get-FtPlaybookTask' {
    It 'lists the seven tasks of the page' {
        (Get-FtPlaybookTask).Id | Should -Be @(3731, 3732, 3733, 3740, 3741, 3743, 3650)
    }

    It 'gives the mandatory tasks for Teams and OneDrive through Where-Object' {
        (Get-FtPlaybookTask -Service Teams, OneDrive | Where-Object Mandatory).Id | Should -Be @(3740, 3741)
    }

    It 'resolves the service alias <Alias>' -ForEach @(
        @{ Alias = 'VivaEngage'; Id = 3732 }
        @{ Alias = 'OfficeProPlus'; Id = 3650 }
        @{ Alias = 'Outlook Mobile'; Id = 3733 }
    ) {
        (Get-FtPlaybookTask -Service $Alias).Id | Should -Be $Id
    }

    It 'binds Service by property name' {
        ([pscustomobject]@{ Service = 'Yammer' } | Get-FtPlaybookTask).Id | Should -Be 3732
    }

    It 'reports an unknown service as InvalidArgument with a stable id and still returns the rest' {
        $tasks = Get-FtPlaybookTask -Service Teams, Bogus -ErrorVariable err -ErrorAction SilentlyContinue
        $tasks.Id | Should -Be 3731
        $err[0].FullyQualifiedErrorId | Should -Be 'UnknownService,FastTrack.PowerShell.Playbook.GetFtPlaybookTaskCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].TargetObject | Should -Be 'Bogus'
    }

    It 'reports an unknown id as ObjectNotFound' {
        { Get-FtPlaybookTask -Id 9999 -ErrorAction Stop } | Should -Throw -ErrorId 'TaskNotFound,FastTrack.PowerShell.Playbook.GetFtPlaybookTaskCommand'
    }

    It 'names tasks as the Spanish page does with -Culture es-ES' {
        (Get-FtPlaybookTask -Id 3731 -Culture es-ES).Name | Should -Be 'Teams - Handshake del campo posterior a la habilitación'
    }

    It 'displays a table grouped by activity' {
        $text = Get-FtPlaybookTask -Service OneDrive | Out-String -Width 160
        $text | Should -Match 'Activity: Microsoft Adoption Service Program'
        $text | Should -Match '3741\s+Mandatory\s+OneDrive\s+OneDrive - Perform OneDrive Adoption Workshop'
    }

    It 'tab-completes services' {
        $line = 'Get-FtPlaybookTask -Service Viv'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
            Should -Be @('VivaEngage', "'Viva Engage'")
    }
}

Describe 'Get-FtPlaybookActivity' {
    It 'lists the five activities in page order' {
        (Get-FtPlaybookActivity).Activity | Should -Be @('CsmHandshake', 'ScheduleCheckIns', 'TrackAdoptionProgress', 'AdoptionServiceProgram', 'ServiceAccelerator')
    }

    It 'gives Microsoft 365 Copilot the accelerator, check-ins and tracking, never the CSM handshake (issue 20)' {
        (Get-FtPlaybookActivity -Service Copilot).Activity | Should -Be @('ScheduleCheckIns', 'TrackAdoptionProgress', 'ServiceAccelerator')
        Get-FtPlaybookTask -Service Microsoft365Copilot | Should -BeNullOrEmpty
    }

    It 'pipes an activity into Get-FtPlaybookTask' {
        (Get-FtPlaybookActivity -Name AdoptionServiceProgram | Get-FtPlaybookTask).Id | Should -Be @(3740, 3741, 3743)
    }

    It 'reports an unknown activity as ObjectNotFound' {
        { Get-FtPlaybookActivity -Name Nope -ErrorAction Stop } | Should -Throw -ErrorId 'ActivityNotFound,FastTrack.PowerShell.Playbook.GetFtPlaybookActivityCommand'
    }
}
