<#
.SYNOPSIS
    Runs tests/Pester in this pwsh with the Pester the build restored, and ends with a vstest-style line.
.DESCRIPTION
    `dotnet test FastTrack.PowerShell.sln` calls this through FastTrack.Pester.Tests.csproj; build.ps1 and a
    developer can call it too. Exit code 0 only when every test passed and at least one ran.
#>
[CmdletBinding()]
param(
    # The folder holding Pester/<version>/ (the build copies Pester's tools/ folder there).
    [Parameter(Mandatory)] [string] $ModuleRoot,
    # NUnit XML written here for CI artifacts.
    [string] $ResultPath,
    # dotnet test --filter: a plain word (or FullyQualifiedName~word) runs the Pester tests whose full name
    # contains it; any other filter expression is not Pester's, and skips the suite.
    [string] $Filter,
    # Test files or folders to run (default: the whole suite).
    [string[]] $Path = @($PSScriptRoot)
)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'   # the log of a CI run, not a console
$root = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent

$pester = Get-ChildItem -Path (Join-Path $ModuleRoot 'Pester') -Filter Pester.psd1 -Recurse | Select-Object -First 1
if (-not $pester) { throw "Pester is not under ${ModuleRoot}: run dotnet build first (it restores Pester)." }
Import-Module $pester.FullName -Force

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.Exit = $false
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Normal'
if ($ResultPath) {
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = $ResultPath
}
if ($Filter) {
    $word = $Filter -replace '^(FullyQualifiedName|Name)~', ''
    if ($word -match '[=!&|()]') {
        Write-Host "Skipped! - the filter '$Filter' is not for Pester - Pester (pwsh $($PSVersionTable.PSVersion))"
        exit 0
    }
    $config.Filter.FullName = "*$word*"
}

$watch = [Diagnostics.Stopwatch]::StartNew()
$result = Invoke-Pester -Configuration $config
$seconds = [int]$watch.Elapsed.TotalSeconds
$verdict = if ($result.FailedCount -eq 0 -and $result.FailedBlocksCount -eq 0 -and $result.FailedContainersCount -eq 0 -and ($result.PassedCount -gt 0 -or $Filter)) { 'Passed!' } else { 'Failed!' }
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
Write-Host ('{0}  - Failed: {1,5}, Passed: {2,5}, Skipped: {3,5}, Total: {4,5}, Duration: {5} s - Pester (pwsh {6})' -f
    $verdict, $failed, $result.PassedCount, $result.SkippedCount, $result.TotalCount, $seconds, $PSVersionTable.PSVersion)
exit $(if ($verdict -eq 'Passed!') { 0 } else { 1 })
