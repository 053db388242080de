#Requires -Version 5.1
# Pester 5: users from Exchange Online, Teams and Graph piped in and out, as admins write those pipelines.
# The other modules' commands are stubbed with their real output shapes, so the pipelines read as written.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $first = 'Avery', 'Jordan', 'Riley', 'Casey', 'Morgan', 'Taylor', 'Quinn', 'Alex', 'Jamie', 'Drew', 'Sam', 'Robin', 'Noor', 'Lucia', 'Mateo', 'Aiko', 'Priya', 'Lars', 'Chen', 'Amara'
    $last = 'Smith', 'Garcia', 'Lee', 'Patel', 'Kim', 'Novak', 'Silva', 'Okafor', 'Muller', 'Rossi', 'Ivanova', 'Haddad', 'Tanaka', 'Nguyen', 'Brown', 'Lopez', 'Cohen', 'Jensen', 'Ali', 'Dubois'
    # The sample tenant's users: index -> UPN.
    function script:SampleUpn([int] $i) { ('{0}.{1}.{2:D6}@contoso.com' -f $first[$i % 20], $last[[math]::Floor($i / 20) % 20], $i).ToLowerInvariant() }

    function script:Get-EXOMailbox {
        [CmdletBinding()] param([Parameter(ValueFromPipelineByPropertyName)][string] $Identity, [string] $Filter)
        process {
            if ($Identity) { return [pscustomobject]@{ Identity = $Identity; PrimarySmtpAddress = $Identity; UserPrincipalName = $Identity } }
            0..39 | ForEach-Object { [pscustomobject]@{ UserPrincipalName = SampleUpn $_; PrimarySmtpAddress = SampleUpn $_; RecipientTypeDetails = 'UserMailbox' } }
        }
    }
    function script:Get-User { 0..39 | ForEach-Object { [pscustomobject]@{ UserPrincipalName = SampleUpn $_; WindowsLiveID = SampleUpn $_; Department = @('Sales', 'Finance')[$_ % 2] } } }
    function script:Get-TeamUser { param([string] $GroupId) 0..9 | ForEach-Object { [pscustomobject]@{ UserId = [guid]::NewGuid(); User = SampleUpn $_; Name = "User $_"; Role = 'member' } } }
    function script:Get-MgUser { param([switch] $All, [string[]] $Property) 0..9 | ForEach-Object { [pscustomobject]@{ Id = [guid]::NewGuid(); UserPrincipalName = SampleUpn $_; Mail = SampleUpn $_; Department = 'Sales' } } }
    function script:Add-TeamUser { param([Parameter(Mandatory, ValueFromPipelineByPropertyName)][string] $User, [Parameter(Mandatory)][string] $GroupId) process { "$GroupId <- $User" } }
}

AfterAll {
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'Cohorts' {
    It 'measures Teams AU of mailboxes' {
        $au = Get-EXOMailbox -Filter "RecipientTypeDetails -eq 'UserMailbox'" | Measure-FtActiveUsage -Sample -Service Teams
        $au.Members | Should -Be 40
        $au.Licensed | Should -Be 40
    }

    It 'measures Teams AU by department' {
        $rows = Get-User | Measure-FtActiveUsage -Sample -Service Teams -GroupBy Department
        $rows.Group | Should -Be @('Finance', 'Sales')
    }

    It 'binds Get-TeamUser and Get-MgUser objects' {
        (Get-TeamUser -GroupId x | Measure-FtActiveUsage -Sample -Service Teams).Members | Should -Be 10
        (Get-MgUser -All | Measure-FtActiveUsage -Sample -Service Exchange).Licensed | Should -Be 10
    }

    It 'reports users absent from the reports' {
        $au = 'nobody@fabrikam.example', (SampleUpn 1) | Measure-FtActiveUsage -Sample -Service Teams -WarningVariable w -WarningAction SilentlyContinue
        $au.NotInReport | Should -Be 1
        $w | Should -Match 'not in the report'
    }

    It 'sends inactive users out to Add-TeamUser and Get-EXOMailbox' {
        $inactive = Get-FtUserActivity -Sample -Service Teams -Inactive | Select-Object -First 2
        ($inactive | Add-TeamUser -GroupId training) | Should -Be ($inactive | ForEach-Object { "training <- $($_.UserPrincipalName)" })
        ($inactive | Get-EXOMailbox).PrimarySmtpAddress | Should -Be $inactive.UserPrincipalName
    }

    It 'builds training lists per department' {
        $lists = Get-User | Get-FtUserActivity -Sample -Service Teams -AsTrainingList -GroupBy Department
        $lists.Audience | Should -Be @('Inactive Teams users in Finance', 'Inactive Teams users in Sales')
    }
}
