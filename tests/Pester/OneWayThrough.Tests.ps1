#Requires -Version 7.4
# Pester 5, issue 16: one decision, one place. The source of usage data is chosen by one resolver (a file given
# as -Path is refused the same way by every command), an error id has one text whichever command raises it, and
# -Workspace means in a completer what it means to the command: relative to $PWD, through PowerShell drives.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:tenant = '6f1c4a52-8d3e-4b7a-9a1e-2f5c7d9b0e13'
    $script:root = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
    New-Item -ItemType Directory -Path $root | Out-Null
    New-FtCustomerPlan -TenantId $tenant -Customer 'Fabrikam' -IntendedService Teams -Workspace (Join-Path $root 'ws') | Out-Null
    Set-Content -Path (Join-Path $root 'teams.csv') -Value 'Report Refresh Date,User Principal Name'
}

AfterAll {
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
    Remove-Item $root -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A report file given where a folder belongs' {
    It 'is ReportFolderExpected from <Command>, naming the file and the way to measure it' -ForEach @(
        @{ Command = 'Measure-FtActiveUsage' }
        @{ Command = 'Invoke-FtSuccessExecution' }
        @{ Command = 'Get-FtUserActivity' }
    ) {
        Push-Location $root
        try {
            { & $Command -Path ./teams.csv -Workspace ./ws -ErrorAction Stop } |
                Should -Throw -ErrorId "ReportFolderExpected,*" -ExpectedMessage "*teams.csv' is a file. -Path takes the folder*Import-Csv*"
        }
        finally { Pop-Location }
    }
}

Describe 'An error raised by several commands' {
    It 'has one text: ConnectionNotFound from Get-FtConnection, Disconnect-FtTenant and Get-FtUserActivity' {
        $texts = @(
            Get-FtConnection -TenantId $tenant -ErrorAction SilentlyContinue -ErrorVariable e1; $e1
            Disconnect-FtTenant -TenantId $tenant -ErrorAction SilentlyContinue -ErrorVariable e2; $e2
            try { Get-FtUserActivity -TenantId $tenant -ErrorAction Stop } catch { $_ }
        ) | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] + ': ' + $_.Exception.Message }
        $texts.Count | Should -Be 3
        $texts | Select-Object -Unique | Should -HaveCount 1
        $texts[0] | Should -BeLike "ConnectionNotFound: Tenant $tenant is not connected in this session (connected: none). Connect it with Connect-FtTenant."
    }

    It 'has one text: UsageSourceMissing from Measure-FtActiveUsage and Get-FtUserActivity' {
        $measure = Measure-FtActiveUsage -Workspace (Join-Path $root 'empty') -ErrorAction SilentlyContinue -ErrorVariable e1
        $activity = try { Get-FtUserActivity -ErrorAction Stop } catch { $_ }
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'UsageSourceMissing,*'
        $activity.FullyQualifiedErrorId | Should -BeLike 'UsageSourceMissing,*'
        $e1[0].Exception.Message | Should -Be $activity.Exception.Message
    }

    It 'names a not-applicable task without a reason apart from a promotion without one' {
        { Set-FtTask -TenantId $tenant -Id 3731 -Status NotApplicable -Workspace (Join-Path $root 'ws') -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotApplicableReasonRequired,*' -ExpectedMessage '*needs a -Reason*'
    }
}

Describe 'Completing -Customer in the workspace the command line names' {
    It 'reads <Case> as the command will' -ForEach @(
        @{ Case = 'a path relative to $PWD'; Workspace = './ws' }
        @{ Case = 'a PowerShell drive'; Workspace = 'FtReplay:/ws' }
    ) {
        New-PSDrive -Name FtReplay -PSProvider FileSystem -Root $root -Scope Global | Out-Null
        Push-Location $root
        try {
            $line = "Get-FtCustomerPlan -Workspace $Workspace -Customer Fab"
            (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be 'Fabrikam'
            Get-FtCustomerPlan -Workspace $Workspace -Customer Fab* | ForEach-Object Customer | Should -Be 'Fabrikam'
        }
        finally {
            Pop-Location
            Remove-PSDrive FtReplay -Scope Global
        }
    }
}
