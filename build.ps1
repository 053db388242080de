<#
.SYNOPSIS
    Builds, stages, tests and demonstrates the FastTrack.PowerShell module.
.DESCRIPTION
    Runs under PowerShell 7.4+ and Windows PowerShell 5.1 with no extra modules; needs the .NET SDK
    (dotnet) on PATH.
      Build (default)  dotnet build of the solution; stages out/FastTrack.PowerShell/<version>/
      Stage            builds only the module project and prints the staged manifest path
      Test             dotnet test, then Invoke-Pester tests/Pester when Pester 5 is installed
      Demo             stages, then runs the README quick start in a clean child session
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Stage', 'Test', 'Demo')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot

function Get-ModuleVersion {
    # The one source of the version (Directory.Build.props), as the build itself reads it.
    $props = [xml](Get-Content -Raw -Path (Join-Path $root 'Directory.Build.props'))
    $version = $props.Project.PropertyGroup | ForEach-Object { $_.Version } | Where-Object { $_ } | Select-Object -First 1
    if (-not $version) { throw 'Directory.Build.props has no <Version>.' }
    $version
}

function Get-StagedManifest {
    Join-Path $root ("out/FastTrack.PowerShell/{0}/FastTrack.PowerShell.psd1" -f (Get-ModuleVersion))
}

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $root 'FastTrack.PowerShell.sln') -c $Configuration
}

function Invoke-Stage {
    Invoke-Dotnet build (Join-Path $root 'src/FastTrack.PowerShell/FastTrack.PowerShell.csproj') -c $Configuration
    $manifest = Get-StagedManifest
    if (-not (Test-Path $manifest)) { throw "The build did not stage $manifest." }
    Write-Host "Staged: $manifest" -ForegroundColor Green
    $manifest
}

function Invoke-Test {
    Invoke-Dotnet test (Join-Path $root 'FastTrack.PowerShell.sln') -c $Configuration
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version.Major -ge 5 } |
        Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed: skipped tests/Pester (Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser).'
        return
    }
    Import-Module $pester
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $root 'tests/Pester'
    $config.Run.Exit = $false
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $config
    if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed." }
}

function Get-QuickStart {
    # The README's quick start is the demo: the script between the quickstart markers.
    $readme = Get-Content -Raw -Path (Join-Path $root 'README.md')
    $match = [regex]::Match($readme, '<!-- quickstart -->\s*```powershell\s*(?<code>.*?)```', 'Singleline')
    if (-not $match.Success) { throw 'README.md has no <!-- quickstart --> powershell block.' }
    $match.Groups['code'].Value
}

function Invoke-Demo {
    $manifest = Invoke-Stage | Select-Object -Last 1
    $script = "`$ErrorActionPreference = 'Stop'; Import-Module '$manifest'`n" + (Get-QuickStart)
    # A clean child session of the same edition: no profile, nothing imported beforehand.
    $shell = (Get-Process -Id $PID).Path
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($script))
    & $shell -NoProfile -NonInteractive -EncodedCommand $encoded
    if ($LASTEXITCODE -ne 0) { throw "The quick start failed in the child session (exit code $LASTEXITCODE)." }
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Stage' { Invoke-Stage | Out-Null }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
}
