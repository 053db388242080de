#Requires -Version 5.1
# Pester 5: active usage from the sample tenant, from exported report files and from Import-Csv rows,
# saved into a plan's history, as an admin runs it.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:sample = '7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b'
    $script:lastDay = [DateTime]::UtcNow.Date.AddDays(-2)
}

AfterAll {
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'Measure-FtActiveUsage' {
    BeforeEach {
        $ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $reports = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        New-Item -ItemType Directory -Path $reports | Out-Null
        $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
        New-FtCustomerPlan -TenantId $sample -Customer Contoso -IntendedService Teams, Yammer | Out-Null
    }

    AfterEach {
        $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
        Remove-Item $ws, $reports -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'measures the sample tenant offline' {
        $au = Measure-FtActiveUsage -Sample
        $au.Count | Should -Be 8
        $teams = $au | Where-Object Service -eq Teams
        $teams.AsOf | Should -Be $lastDay
        $teams.Basis | Should -Be 'PaidUnits'
        $teams.MeetsTarget | Should -BeTrue
        ($au | Where-Object Service -eq Yammer).MeetsTarget | Should -BeFalse
    }

    It 'measures Microsoft 365 Copilot against its licences, each app in Format-List (issue 20)' {
        $copilot = Measure-FtActiveUsage -Sample -Service Copilot
        $copilot.Service | Should -Be 'Microsoft365Copilot'
        $copilot.Denominator | Should -Be 300
        $copilot.Apps.App | Should -Be @('Teams', 'Word', 'Excel', 'PowerPoint', 'Outlook', 'OneNote', 'Loop', 'Copilot Chat')
        ($copilot.Apps | Where-Object App -eq Teams).ActiveUsers | Should -BeGreaterThan 0
        $list = $copilot | Format-List | Out-String -Width 200
        $list | Should -Match 'Apps\s+: Teams \d+ \(\d+\.\d%\), Word \d+ \(\d+\.\d%\), .*Copilot Chat \d+'
        $table = $copilot | Format-Table | Out-String -Width 80
        $table | Should -Match 'Microsoft365Copilot\s+\d{4}-\d{2}-\d{2}\s+\d+\s+300'
        ($copilot | ConvertTo-Csv | Select-Object -Last 1) | Should -Match '"Teams \d+ \(\d+\.\d%\), Word'
    }

    It 'measures an Import-Csv of the admin center''s Copilot export, apps included (issue 20)' {
        $csv = Join-Path $reports 'copilot.csv'
        @(
            'Report Refresh Date,Report Period,User Principal Name,Display Name,Last Activity Date,Microsoft Teams Copilot Last Activity Date,Word Copilot Last Activity Date,Excel Copilot Last Activity Date,PowerPoint Copilot Last Activity Date,Outlook Copilot Last Activity Date,OneNote Copilot Last Activity Date,Loop Copilot Last Activity Date,Copilot Chat Last Activity Date'
            '2024-03-31,30,ana@contoso.com,Ana,2024-03-30,2024-03-30,,,,,,,2024-03-10'
            '2024-03-31,30,ben@contoso.com,Ben,2024-01-15,,2024-01-15,,,,,,'
        ) | Set-Content -Path $csv -Encoding utf8
        $au = Import-Csv $csv | Measure-FtActiveUsage
        $au.Service | Should -Be 'Microsoft365Copilot'
        $au.Basis | Should -Be 'LicensedUsers'
        $au.ActiveUsagePercent | Should -Be 50
        ($au.Apps | Where-Object ActiveUsers -gt 0).App | Should -Be @('Teams', 'Copilot Chat')
    }

    It 'heads a folder''s measurement with no customer by its tenant, not an empty heading' {
        @(
            'Report Refresh Date,User Principal Name,Last Activity Date,Is Deleted,Team Chat Message Count,Private Chat Message Count,Is Licensed'
            "$($lastDay.ToString('yyyy-MM-dd')),ana@contoso.com,$($lastDay.ToString('yyyy-MM-dd')),False,3,0,Yes"
        ) | Set-Content -Path (Join-Path $reports 'teams.csv') -Encoding UTF8
        $text = Measure-FtActiveUsage -Path $reports -Basis LicensedUsers | Out-String -Width 80
        $heading = ($text -split "`n" | Where-Object { $_.Trim() } | Select-Object -First 1).Trim()
        $heading | Should -Match '^Customer: \(not named\)$'
        (Measure-FtActiveUsage -Sample -Service Teams | Out-String -Width 80) | Should -Match 'Customer: Contoso'
    }

    It 'measures fields quoted as Graph quotes them: a comma, an escaped quote, a line break (issue 18)' {
        $yammer = 'Report Refresh Date,User Principal Name,Display Name,User State,State Change Date,Last Activity Date,Posted Count,Read Count,Liked Count,Assigned Products,Report Period'
        [IO.File]::WriteAllText((Join-Path $reports 'yammer.csv'), (@(
            $yammer
            '2024-03-31,ana@contoso.com,"Smith, Ana",,,2024-03-30,1,1,1,"E3,""PLUS""",28'
            '2024-03-31,ben@contoso.com,"Ben ""B"" Jones",,,2024-02-01,0,0,0,E3,28'
            "2024-03-31,cy@contoso.com,`"Cy`r`non two lines`",,,2024-03-29,1,0,0,E3,28"
        ) -join "`r`n") + "`r`n")
        $au = Measure-FtActiveUsage -Path $reports -Service Yammer -Basis LicensedUsers -ErrorAction Stop
        $au.ActiveUsers | Should -Be 2
        $au.Denominator | Should -Be 3
    }

    It 'measures an Import-Csv of an exported report on the licensed-users basis' {
        $csv = Join-Path $reports 'teams.csv'
        @(
            'Report Refresh Date,User Principal Name,Last Activity Date,Is Deleted,Team Chat Message Count,Private Chat Message Count,Is Licensed'
            '2024-03-31,ana@contoso.com,2024-03-30,False,3,0,Yes'
            '2024-03-31,ben@contoso.com,2024-02-01,False,0,0,Yes'
            '2024-03-31,eve@contoso.com,2024-03-30,True,1,0,Yes'
        ) | Set-Content -Path $csv -Encoding UTF8
        $teams = Import-Csv $csv | Measure-FtActiveUsage
        $teams.ActiveUsers | Should -Be 1
        $teams.Denominator | Should -Be 2
        $teams.ActiveUsagePercent | Should -Be 50
    }

    It 'names the file and line of a row whose date is not yyyy-MM-dd' {
        @(
            'Report Refresh Date,User Principal Name,Last Activity Date,Is Deleted,Team Chat Message Count,Private Chat Message Count,Is Licensed'
            '2024-03-31,ana@contoso.com,30/03/2024,False,3,0,Yes'
        ) | Set-Content -Path (Join-Path $reports 'teams.csv') -Encoding UTF8
        { Measure-FtActiveUsage -Path $reports -Basis LicensedUsers -ErrorAction Stop } |
            Should -Throw -ErrorId 'ReportDateInvalid,FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand'
    }

    It 'saves snapshots with -Save, not with -WhatIf, and forecasts from the history' {
        Get-FtCustomerPlan -TenantId $sample | Measure-FtActiveUsage -Save -WhatIf | Out-Null
        Get-FtActiveUsageHistory -TenantId $sample | Should -BeNullOrEmpty
        foreach ($weeksAgo in 3, 2, 1, 0) {
            Get-FtCustomerPlan -TenantId $sample | Measure-FtActiveUsage -AsOf $lastDay.AddDays(-7 * $weeksAgo) -Save | Out-Null
        }
        $history = Get-FtActiveUsageHistory -TenantId $sample
        ($history | Where-Object Service -eq Teams).Forecast.Status | Should -Be 'Reached'
        ($history | Where-Object Service -eq Yammer).Forecast.PointsUsed | Should -Be 4
        (Get-FtActiveUsageHistory -TenantId $sample -Snapshot).Count | Should -Be 8
    }

    It 'warns when the reports conceal user names' {
        Measure-FtActiveUsage -Sample -Service Teams -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        $warnings | Should -BeNullOrEmpty
        @(
            'Report Refresh Date,User Principal Name,Last Activity Date,Is Deleted,Team Chat Message Count,Private Chat Message Count,Is Licensed'
            '2024-03-31,6E55A185B405B6F2A6804BB7897C8AAB,2024-03-30,False,3,0,Yes'
        ) | Set-Content -Path (Join-Path $reports 'teams.csv') -Encoding UTF8
        $au = Measure-FtActiveUsage -Path $reports -Basis LicensedUsers -WarningVariable warnings -WarningAction SilentlyContinue
        $au.ConcealedNames | Should -BeTrue
        $warnings | Should -Match 'conceal'
    }
}
