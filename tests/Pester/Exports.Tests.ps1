#Requires -Version 5.1
# Pester 5: what users take out of the module (issue 17). Every output type goes to CSV as flat, readable
# cells; the export cmdlets' -PassThru gives the file as Get-Item does; Add-FtBlocker -PassThru gives the
# blocker Resolve-FtBlocker takes; a calendar with nothing in it is refused.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:contoso = '7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b'
    $script:fabrikam = '0b7e3c1d-5a2f-4e8b-8c6d-1f2a3b4c5d6e'
    $script:ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
    $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws

    # A plan with something in every list: blockers, training, tracking, check-ins, programs, a measured
    # run, the handshake; Fabrikam's has no check-in.
    New-FtCustomerPlan -TenantId $contoso -Customer Contoso -CsmName 'Avery Smith' -IntendedService Teams, OneDrive | Out-Null
    New-FtCustomerPlan -TenantId $fabrikam -Customer Fabrikam -IntendedService Teams | Out-Null
    Set-FtCustomerPlan -TenantId $contoso -Service Teams, OneDrive -EnabledOn 2026-09-01 -CommunicatedOn 2026-09-10
    Set-FtCustomerPlan -TenantId $contoso -ServiceAcceleration Teams, SharePoint
    Set-FtSuccessMetric -TenantId $contoso -Name 'Meetings in Teams' -Service Teams -Target 80 -Current 60 -Unit '%'
    Add-FtBlocker -TenantId $contoso -Service Teams -Description 'Proxy blocks Teams' -Opened 2026-10-02
    Add-FtTraining -TenantId $contoso -Service OneDrive -Audience Finance -Attendees 12 -Date 2026-10-05
    Add-FtTrackingEvidence -TenantId $contoso -Tool AdoptionScore -ShownBy 'Jo Lee' -Service Teams, OneDrive -Date 2026-10-06
    $note = Invoke-FtHandshake -TenantId $contoso
    New-FtCheckInSchedule -TenantId $contoso -Start 2027-01-04 -Until 2027-02-28
    $run = Invoke-FtSuccessExecution -Sample -TenantId $contoso
    Complete-FtSuccessExecution -TenantId $contoso -Force -Reason 'Agreed with the CSM'
    $someone = (Get-FtUserActivity -Sample -Service Teams | Select-Object -First 1).UserPrincipalName
    $script:emulator = Start-FtGraphEmulator

    # One or more objects of each type the cmdlets' [OutputType] names, as the cmdlets return them.
    $script:outputs = @{
        ActiveUsage            = Measure-FtActiveUsage -Sample
        ActiveUsageHistory     = Get-FtActiveUsageHistory -TenantId $contoso
        CohortUsage            = 'nobody@fabrikam.example', $someone | Measure-FtActiveUsage -Sample -Service Teams -WarningAction SilentlyContinue
        CustomerBlocker        = Get-FtBlocker -TenantId $contoso
        CustomerCheckIn        = Get-FtCheckIn -TenantId $contoso
        CustomerPlan           = Get-FtCustomerPlan -TenantId $contoso
        DigestDelivery         = Send-FtAdoptionDigest -WebhookUrl (Get-FtEmulatorWebhookUrl $emulator) -Confirm:$false
        HandoffNote            = $note
        KeyInputProposal       = Find-FtKeyInput -TenantId $contoso -Service Teams, Yammer
        LoadedDependency       = Get-FtModuleDiagnostic
        NextAction             = Get-FtNextAction   # Contoso's are done with: it was promoted
        PlaybookActivity       = Get-FtPlaybookActivity
        PlaybookTask           = Get-FtPlaybookTask
        PortfolioEntry         = Get-FtPortfolio
        SuccessCriterion       = Test-FtSuccessCriteria -TenantId $contoso
        SuccessExecutionResult = $run
        TaskDecision           = Get-FtTask -TenantId $contoso
        TenantConnection       = Connect-FtTenant -Sample -PassThru
        TrainingList           = Get-FtUserActivity -Sample -AsTrainingList
        UserActivity           = Get-FtUserActivity -Sample -Service Teams | Select-Object -First 20
    }

    # The object's CSV row, with each property's value beside its cell.
    function Get-CsvCell($InputObject) {
        $row = $InputObject | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv
        foreach ($property in $InputObject.PSObject.Properties) {
            [pscustomobject]@{ Name = $property.Name; Value = $property.Value; Cell = $row.($property.Name) }
        }
    }
}

AfterAll {
    Stop-FtGraphEmulator $emulator
    Disconnect-FtTenant -All -ErrorAction SilentlyContinue
    $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
    Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'CSV of every output type' {
    It 'covers every type the cmdlets declare' {
        $declared = (Get-Command -Module FastTrack.PowerShell).OutputType.Type |
            Where-Object { $_.Namespace -like 'FastTrack.*' } | ForEach-Object Name | Sort-Object -Unique
        $declared | Should -Be ($outputs.Keys | Sort-Object)
    }

    It 'writes <_> with no .NET type name in a cell, and each list as its items joined' -ForEach @(
        'ActiveUsage', 'ActiveUsageHistory', 'CohortUsage', 'CustomerBlocker', 'CustomerCheckIn', 'CustomerPlan', 'DigestDelivery',
        'HandoffNote', 'LoadedDependency', 'NextAction', 'PlaybookActivity', 'PlaybookTask', 'SuccessCriterion',
        'SuccessExecutionResult', 'TaskDecision', 'TenantConnection', 'TrainingList', 'UserActivity'
    ) {
        $objects = @($outputs[$_])
        $objects.Count | Should -BeGreaterThan 0
        $objects[0].PSObject.TypeNames[0] | Should -BeLike "FastTrack.*.$_"
        foreach ($object in $objects) {
            foreach ($c in Get-CsvCell $object) {
                # A string is the value itself (a dependency's name or path may well start with System.).
                if ($c.Value -is [string] -or $null -eq $c.Value) { continue }
                $c.Cell | Should -Not -Match 'System\.|FastTrack\.|`\d+\[|\[\]' -Because "$_.$($c.Name) is written as its value"
                if ($c.Value -is [Collections.IEnumerable]) {
                    $c.Cell | Should -BeExactly (($c.Value | ForEach-Object { $_.ToString() }) -join ', ') -Because "$_.$($c.Name) is a list"
                }
            }
        }
    }

    It 'writes the lists users open in a spreadsheet as their items' {
        $cells = @{}
        Get-CsvCell $outputs.TrainingList[0] | ForEach-Object { $cells["TrainingList.$($_.Name)"] = $_.Cell }
        Get-CsvCell $outputs.CustomerPlan | ForEach-Object { $cells["CustomerPlan.$($_.Name)"] = $_.Cell }
        Get-CsvCell ($outputs.CohortUsage | Select-Object -First 1) | ForEach-Object { $cells["CohortUsage.$($_.Name)"] = $_.Cell }
        Get-CsvCell ($outputs.PlaybookActivity | Where-Object Activity -eq CsmHandshake) | ForEach-Object { $cells["PlaybookActivity.$($_.Name)"] = $_.Cell }
        Get-CsvCell $outputs.ActiveUsageHistory[0] | ForEach-Object { $cells["ActiveUsageHistory.$($_.Name)"] = $_.Cell }
        Get-CsvCell $outputs.SuccessExecutionResult | ForEach-Object { $cells["SuccessExecutionResult.$($_.Name)"] = $_.Cell }

        $cells['TrainingList.Users'] | Should -Match '^[\w.]+@contoso\.com(, [\w.]+@contoso\.com)+$'
        $cells['CustomerPlan.Blockers'] | Should -BeExactly '#1 Proxy blocks Teams'
        $cells['CustomerPlan.IntendedServices'] | Should -BeExactly 'Teams, OneDrive'
        $cells['CustomerPlan.Programs'] | Should -BeExactly 'OneDrive adoption: Undecided; service acceleration: Teams, SharePoint'
        $cells['CustomerPlan.Training'] | Should -BeExactly '2026-10-05 OneDrive: Finance (12 attendees)'
        $cells['CustomerPlan.UsageHistory'] | Should -Match '^Teams \d{4}-\d\d-\d\d \d+[.,]\d%, OneDrive \d{4}-\d\d-\d\d \d+[.,]\d%$'
        $cells['CustomerPlan.PhaseHistory'] | Should -Match '^SuccessExecution to SuccessReview on \d{4}-\d\d-\d\d by .+ \(forced: Agreed with the CSM\)$'
        $cells['CohortUsage.Absent'] | Should -BeExactly 'nobody@fabrikam.example (Teams: NotInReport)'
        $cells['PlaybookActivity.AppliesTo'] | Should -BeExactly 'OutlookMobile, Teams, Yammer'
        $cells['PlaybookActivity.TaskIds'] | Should -BeExactly '3731, 3732, 3733'
        $cells['ActiveUsageHistory.Snapshots'] | Should -Match '^Teams \d{4}-\d\d-\d\d \d+[.,]\d%$'
        $cells['SuccessExecutionResult.NextActions'] | Should -Match '^1\. .+, 2\. '
    }

    It 'keeps the lists typed: they filter, sort and bind as their items' {
        $plan = $outputs.CustomerPlan
        @($plan.Blockers | Where-Object Id -eq 1).Description | Should -Be 'Proxy blocks Teams'
        $plan.IntendedServices -contains 'OneDrive' | Should -BeTrue
        ($plan.Tasks | Sort-Object TaskId | Select-Object -First 1).TaskId | Should -Be 3650
        ($outputs.PlaybookActivity | Where-Object { $_.AppliesTo -contains 'Yammer' }).Activity | Should -Contain 'CsmHandshake'
        $services = (Get-FtPlaybookTask -Service $plan.IntendedServices).Service | Select-Object -Unique
        $services | Should -Be @('Teams', 'OneDrive')
        ($plan | ConvertTo-Json -Depth 3 | ConvertFrom-Json).Blockers[0].Description | Should -Be 'Proxy blocks Teams'
    }
}

Describe 'Export cmdlets with -PassThru' {
    It '<Command> returns the file as Get-Item does' -ForEach @(
        @{ Command = 'Export-FtAdoptionReport'; File = 'report[1].html'; Arguments = @{} }
        @{ Command = 'Export-FtCheckInCalendar'; File = 'check-ins[1].ics'; Arguments = @{ From = [datetime]'2027-01-01' } }
    ) {
        $path = Join-Path $ws $File
        $file = & $Command -TenantId $contoso -Path $path -PassThru @Arguments
        $file.PSPath | Should -Be (Get-Item -LiteralPath $path).PSPath
        $file.Length | Should -BeGreaterThan 0
        # In the default view the row starts with the mode and shows the length before the name; a bare
        # FileInfo leaves both blank.
        $row = ($file | Out-String) -split '\r?\n' | Where-Object { $_.EndsWith($file.Name) }
        $row | Should -Match ('^\S+\s.*\s{0}\s+{1}$' -f $file.Length, [regex]::Escape($file.Name))
        ($file | Get-Content -Raw) | Should -BeExactly (Get-Content -LiteralPath $path -Raw)
    }
}

Describe 'Add-FtBlocker -PassThru' {
    It 'returns the new blocker, which pipes to Resolve-FtBlocker' {
        $blocker = Add-FtBlocker -TenantId $contoso -Service OneDrive -Description 'Sync client blocked' -PassThru
        $blocker.PSObject.TypeNames[0] | Should -Be 'FastTrack.Core.Plans.CustomerBlocker'
        $blocker.Id | Should -Be 2
        $blocker.Customer | Should -Be 'Contoso'
        $blocker.Description | Should -Be 'Sync client blocked'
        $blocker | Resolve-FtBlocker -Resolution 'Client allowed'
        (Get-FtBlocker -TenantId $contoso -IncludeResolved | Where-Object Id -eq 2).Resolution | Should -Be 'Client allowed'
        (Get-FtBlocker -TenantId $contoso -IncludeResolved | Where-Object Id -eq 1).IsOpen | Should -BeTrue
    }
}

Describe 'Export-FtCheckInCalendar with nothing scheduled' {
    It 'refuses, naming the plans, and writes no file' {
        $ics = Join-Path $ws 'nothing.ics'
        $refused = { Export-FtCheckInCalendar -TenantId $fabrikam -Path $ics -ErrorAction Stop } |
            Should -Throw -ErrorId 'NoCheckInsToExport,FastTrack.PowerShell.Rules.ExportFtCheckInCalendarCommand' -PassThru
        $refused.Exception.Message | Should -Match 'Fabrikam.*New-FtCheckInSchedule.*-From'
        Test-Path -LiteralPath $ics | Should -BeFalse
    }

    It 'leaves an existing calendar untouched, even with -Force' {
        $ics = Join-Path $ws 'yesterday.ics'
        Set-Content -LiteralPath $ics -Value 'yesterday'
        { Export-FtCheckInCalendar -TenantId $contoso -Path $ics -From 2099-01-01 -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'NoCheckInsToExport,FastTrack.PowerShell.Rules.ExportFtCheckInCalendarCommand'
        Get-Content -LiteralPath $ics | Should -Be 'yesterday'
    }
}
