#
# Module manifest for FastTrack.PowerShell.
# ModuleVersion is written by the build from Directory.Build.props (<Version>); stage the module with
# `dotnet build` and import out/FastTrack.PowerShell/<version>/FastTrack.PowerShell.psd1.
#
@{
    RootModule           = 'FastTrack.PowerShell.dll'
    # Imported first: registers the private loading of Dependencies/ before the cmdlets are inspected.
    NestedModules        = @('FastTrack.PowerShell.Bootstrap.dll')
    ModuleVersion        = '0.0.0'
    GUID                 = '3e0fa563-b68f-42de-b828-2d29d91b3ecf'
    Author               = 'FastTrack.PowerShell contributors'
    CompanyName          = 'FastTrack.PowerShell contributors'
    Copyright            = '(c) FastTrack.PowerShell contributors. MIT License.'
    Description          = 'Runs the FastTrack Support Success Execution playbook against Microsoft 365 tenant data: customer success plans, active usage from the usage reports, the playbook rules and promotion to the success review.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('FastTrack.PowerShell.format.ps1xml')
    TypesToProcess       = @('FastTrack.PowerShell.types.ps1xml')
    CmdletsToExport      = @(
        'Add-FtBlocker'
        'Add-FtTrackingEvidence'
        'Add-FtTraining'
        'Complete-FtSuccessExecution'
        'Connect-FtTenant'
        'Disconnect-FtTenant'
        'Export-FtAdoptionReport'
        'Export-FtCheckInCalendar'
        'Find-FtKeyInput'
        'Get-FtActiveUsageHistory'
        'Get-FtBlocker'
        'Get-FtCheckIn'
        'Get-FtConnection'
        'Get-FtCustomerPlan'
        'Get-FtModuleDiagnostic'
        'Get-FtNextAction'
        'Get-FtPortfolio'
        'Get-FtPlaybookActivity'
        'Get-FtPlaybookTask'
        'Get-FtTask'
        'Get-FtUserActivity'
        'Invoke-FtHandshake'
        'Invoke-FtSuccessExecution'
        'Measure-FtActiveUsage'
        'New-FtCheckInSchedule'
        'New-FtCustomerPlan'
        'Remove-FtCustomerPlan'
        'Resolve-FtBlocker'
        'Send-FtAdoptionDigest'
        'Set-FtCheckIn'
        'Set-FtCustomerPlan'
        'Set-FtSuccessMetric'
        'Set-FtTask'
        'Test-FtSuccessCriteria'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('FastTrack', 'Microsoft365', 'M365', 'Adoption', 'ActiveUsage', 'Teams', 'OneDrive', 'SharePoint', 'Exchange', 'Yammer', 'VivaEngage', 'MicrosoftGraph', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/fasttrack-powershell/FastTrack.PowerShell/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/fasttrack-powershell/FastTrack.PowerShell'
            ReleaseNotes = 'Customer success plans kept on disk; active usage per service from the Microsoft 365 usage reports (Microsoft Graph, exported CSVs or the bundled sample tenant); the playbook''s rules, tasks and success criteria; promotion to the success review; check-in calendars; the adoption report (HTML, Markdown). See https://github.com/fasttrack-powershell/FastTrack.PowerShell#readme.'
        }
    }
}
