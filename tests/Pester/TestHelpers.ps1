# Shared by the Pester files: where `dotnet build` staged the module.
function Get-FtBuildVersion {
    $root = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
    $props = [xml](Get-Content -Raw -Path (Join-Path $root 'Directory.Build.props'))
    $props.Project.PropertyGroup | ForEach-Object { $_.Version } | Where-Object { $_ } | Select-Object -First 1
}

function Get-FtStagedManifest {
    $root = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
    $manifest = Join-Path $root ("out/FastTrack.PowerShell/{0}/FastTrack.PowerShell.psd1" -f (Get-FtBuildVersion))
    if (-not (Test-Path $manifest)) { throw "Build first (dotnet build): $manifest is missing." }
    $manifest
}
