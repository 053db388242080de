<#
.SYNOPSIS
    Builds, stages, tests and demonstrates the FastTrack.PowerShell module.
.DESCRIPTION
    Runs under PowerShell 7.4+ and Windows PowerShell 5.1 with no extra modules; needs the .NET SDK
    (dotnet) on PATH.
      Build (default)  dotnet build of the solution; stages out/FastTrack.PowerShell/<version>/
      Stage            builds only the module project and prints the staged manifest path
      Test             dotnet test of the solution: every xunit suite and the Pester suite in real pwsh
      Demo             stages, then runs the README quick start in a clean child pwsh, statement by statement
      Package          stages, then writes out/FastTrack.PowerShell.<version>.nupkg (the PowerShell Gallery's
                       package format) from the staged module only
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Stage', 'Test', 'Demo', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
. (Join-Path $root 'eng/ChildShell.ps1')

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
    & dotnet @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $root 'FastTrack.PowerShell.sln') -c $Configuration
}

function Invoke-Stage {
    param([string] $Configuration = $script:Configuration)
    Invoke-Dotnet build (Join-Path $root 'src/FastTrack.PowerShell/FastTrack.PowerShell.csproj') -c $Configuration
    $manifest = Get-StagedManifest
    if (-not (Test-Path $manifest)) { throw "The build did not stage $manifest." }
    Write-Host "Staged: $manifest" -ForegroundColor Green
    $manifest
}

function Invoke-Test {
    # The solution holds the Pester suite as a test project (tests/Pester/FastTrack.Pester.Tests.csproj):
    # one command runs xunit and Pester, as CI does.
    Invoke-Dotnet test (Join-Path $root 'FastTrack.PowerShell.sln') -c $Configuration
}

function Invoke-Demo {
    $manifest = Invoke-Stage | Select-Object -Last 1
    Invoke-ChildShell -ScriptPath (Join-Path $root 'eng/Invoke-QuickStart.ps1') -ArgumentList @('-ManifestPath', $manifest, '-ReadmePath', (Join-Path $root 'README.md'))
    if ($LASTEXITCODE -ne 0) { throw "The quick start failed in the child session (exit code $LASTEXITCODE)." }
}

function Invoke-Package {
    # What users install is the optimised build, whatever -Configuration says: a Debug core reads reports
    # several times slower (bench/README.md).
    $manifest = Invoke-Stage -Configuration Release | Select-Object -Last 1
    $package = & (Join-Path $root 'eng/New-ModulePackage.ps1') -ManifestPath $manifest -OutputDirectory (Join-Path $root 'out')
    Write-Host "Package: $($package.FullName)" -ForegroundColor Green
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Stage' { Invoke-Stage | Out-Null }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Package' { Invoke-Package }
}
