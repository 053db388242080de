<#
Run in a fresh child pwsh by Package.Tests.ps1: imports FastTrack.PowerShell BY NAME from the folder a
package was installed into, as a user does after Install-PSResource, and runs a command. Prints one JSON object.
#>
param([Parameter(Mandatory)] [string] $ModulesPath)
$ErrorActionPreference = 'Stop'
$env:PSModulePath = $ModulesPath + [IO.Path]::PathSeparator + $env:PSModulePath
Import-Module FastTrack.PowerShell
$module = Get-Module FastTrack.PowerShell
[ordered]@{
    moduleBase = $module.ModuleBase
    version    = "$($module.Version)"
    tasks      = @(Get-FtPlaybookTask | ForEach-Object Id)
    sampleAu   = @(Measure-FtActiveUsage -Sample -Service Teams | ForEach-Object { '{0} {1}' -f $_.Service, $_.ActiveUsers })
} | ConvertTo-Json -Compress
