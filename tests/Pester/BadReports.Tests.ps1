#Requires -Version 5.1
# Pester 5: reports Measure-FtActiveUsage must not measure (issue 15), as an admin meets them in real pwsh. Each
# is an error with a stable FullyQualifiedErrorId naming the file, line and column, or a warning naming a file
# passed over; never a number, never a raw .NET exception, never a hang.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:manifest = Get-FtStagedManifest
    Import-Module $manifest -Force
    $script:teamsHeader = 'Report Refresh Date,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Is Licensed,Report Period'
    $script:measure = 'FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand'

    function Write-Report([string] $Name, [string[]] $Lines) {
        $path = Join-Path $reports $Name
        [IO.File]::WriteAllText($path, ($Lines -join "`r`n") + "`r`n", [Text.UTF8Encoding]::new($true))
        $path
    }
}

AfterAll {
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'Measure-FtActiveUsage on reports it must not measure' {
    BeforeEach {
        $ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $reports = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        New-Item -ItemType Directory -Path $reports | Out-Null
        $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
    }

    AfterEach {
        $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
        Remove-Item $ws, $reports -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'refuses a day-first date, naming the file, line and column' {
        Write-Report 'teams.csv' @(
            $teamsHeader
            '2024-03-31,,ana@contoso.com,2024-03-30,False,,E3,1,0,Yes,28'
            '2024-03-31,,ben@contoso.com,12/11/2026,False,,E3,1,0,Yes,28'
        ) | Out-Null
        { Measure-FtActiveUsage -Path $reports -Basis LicensedUsers -ErrorAction Stop } |
            Should -Throw -ErrorId "ReportDateInvalid,$measure" -ExpectedMessage "Line 3 of '*teams.csv', column 'Last Activity Date': '12/11/2026' is not a date*"
    }

    It 'refuses a header-only report instead of 0% as of today' {
        Write-Report 'teams.csv' @($teamsHeader) | Out-Null
        Write-Report 'yammer.csv' @(
            'Report Refresh Date,User Principal Name,Display Name,User State,State Change Date,Last Activity Date,Posted Count,Read Count,Liked Count,Assigned Products,Report Period'
            '2024-03-31,ana@contoso.com,Ana,,,2024-03-30,1,1,1,E3,28'
        ) | Out-Null
        { Measure-FtActiveUsage -Path $reports -Basis LicensedUsers -Service Teams -ErrorAction Stop } |
            Should -Throw -ErrorId "ReportEmpty,$measure" -ExpectedMessage "*teams.csv*no user rows*"
    }

    It 'says a folder without a report has none, and which reports it reads' {
        { Measure-FtActiveUsage -Path $reports -ErrorAction Stop } |
            Should -Throw -ErrorId "ReportsNotFound,$measure" -ExpectedMessage '*Microsoft Teams user activity (getTeamsUserActivityUserDetail)*'
    }

    It 'refuses a user listed twice, naming both lines' {
        Write-Report 'teams.csv' @(
            $teamsHeader
            '2024-03-31,,ana@contoso.com,2024-03-30,False,,E3,1,0,Yes,28'
            '2024-03-31,,ben@contoso.com,2024-03-30,False,,E3,1,0,Yes,28'
            '2024-03-31,,ANA@contoso.com,2024-03-30,False,,E3,1,0,Yes,28'
        ) | Out-Null
        { Measure-FtActiveUsage -Path $reports -Basis LicensedUsers -ErrorAction Stop } |
            Should -Throw -ErrorId "ReportUserDuplicated,$measure" -ExpectedMessage '*twice, on line 2 and line 4*'
    }

    It 'refuses the cut-off last row Import-Csv gives with $null fields' {
        $path = Join-Path $reports 'teams.csv'
        [IO.File]::WriteAllText($path, $teamsHeader + "`r`n" + '2024-03-31,,ana@contoso.com,2024-03-30,False,,E3,1,0,Yes,28' + "`r`n" + '2024-03-31,,ben@contoso.com,2024-03-30,Fal')
        (Import-Csv $path)[-1].'Is Licensed' | Should -BeNullOrEmpty
        { Import-Csv $path | Measure-FtActiveUsage -ErrorAction Stop } |
            Should -Throw -ErrorId "ReportRowMalformed,$measure" -ExpectedMessage 'Row 2 of the report rows piped in has 5 fields where the header has 11*cut off*'
    }

    It 'refuses a file that ends inside a quoted field, naming the line where the row starts' {
        $path = Join-Path $reports 'teams.csv'
        [IO.File]::WriteAllText($path, $teamsHeader + "`r`n" + '2024-03-31,,ana@contoso.com,2024-03-30,False,,"E3' + "`r`n" + 'TEAMS",1,0,Yes,28' + "`r`n" + '2024-03-31,,ben@contoso.com,2024-03-30,False,,"E3+MICRO')
        { Measure-FtActiveUsage -Path $reports -Basis LicensedUsers -ErrorAction Stop } |
            Should -Throw -ErrorId "ReportTruncated,$measure" -ExpectedMessage "Line 4 of '*teams.csv'*'Assigned Products'*cut off*"
    }

    It 'refuses subscribedSkus units that are not a count, naming the SKU' {
        Write-Report 'teams.csv' @($teamsHeader, '2024-03-31,,ana@contoso.com,2024-03-30,False,,E3,1,0,Yes,28') | Out-Null
        Set-Content -Path (Join-Path $reports 'skus.json') -Value '{"value":[{"skuPartNumber":"SPE_E3","skuId":"05e9a617-0261-4cee-bb44-138d3ef5d965","capabilityStatus":"Enabled","prepaidUnits":{"enabled":"abc"},"servicePlans":[]}]}'
        { Measure-FtActiveUsage -Path $reports -ErrorAction Stop } |
            Should -Throw -ErrorId "SubscribedSkuUnitsInvalid,$measure" -ExpectedMessage '*SPE_E3 (05e9a617-0261-4cee-bb44-138d3ef5d965)*prepaidUnits.enabled*'
    }

    It 'passes over a FIFO named like a report or the subscriptions instead of waiting on it' -Skip:($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') {
        Write-Report 'teams.csv' @($teamsHeader, '2024-03-31,,ana@contoso.com,2024-03-30,False,,E3,1,0,Yes,28') | Out-Null
        $fifos = (Join-Path $reports 'pipe.csv'), (Join-Path $reports 'subscribedSkus.json')
        foreach ($fifo in $fifos) { & mkfifo $fifo; $LASTEXITCODE | Should -Be 0 }
        # In a runspace of its own, with a deadline: a regression fails here rather than hanging the suite.
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($Manifest, $Folder)
                Import-Module $Manifest
                Measure-FtActiveUsage -Path $Folder -Basis LicensedUsers -Service Teams -Workspace (Join-Path $Folder ws)
            }).AddArgument($manifest).AddArgument($reports)
        $running = $ps.BeginInvoke()
        try {
            $finished = $running.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(60))
            # A reader blocked on a FIFO is released by a writer that opens and closes it; read-write, because
            # opening a FIFO to write only waits for a reader (Linux opens O_RDWR at once).
            if (-not $finished) { foreach ($fifo in $fifos) { [IO.File]::Open($fifo, 'Open', 'ReadWrite').Dispose() } }
            $finished | Should -BeTrue -Because 'the measurement must not wait on a FIFO'
            $au = $ps.EndInvoke($running)
            $ps.Streams.Error | Should -BeNullOrEmpty
            $au.ActiveUsers | Should -Be 1
            $warnings = $ps.Streams.Warning.Message -join "`n"
            $warnings | Should -Match 'pipe\.csv.: empty, or not a regular file'
            $warnings | Should -Match 'subscribedSkus\.json.: empty, or not a regular file'
        }
        finally {
            $ps.Dispose()
        }
    }
}
