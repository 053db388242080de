# Shared by the Pester files: where `dotnet build` staged the module, how to start a child pwsh, and the
# repository's loopback Graph emulator.
$script:FtRepoRoot = Split-Path (Split-Path $PSScriptRoot -Parent) -Parent
. (Join-Path $script:FtRepoRoot 'eng/ChildShell.ps1')

function Get-FtBuildVersion {
    $props = [xml](Get-Content -Raw -Path (Join-Path $script:FtRepoRoot 'Directory.Build.props'))
    $props.Project.PropertyGroup | ForEach-Object { $_.Version } | Where-Object { $_ } | Select-Object -First 1
}

function Get-FtStagedManifest {
    $manifest = Join-Path $script:FtRepoRoot ("out/FastTrack.PowerShell/{0}/FastTrack.PowerShell.psd1" -f (Get-FtBuildVersion))
    if (-not (Test-Path $manifest)) { throw "Build first (dotnet build): $manifest is missing." }
    $manifest
}

function Start-FtGraphEmulator {
    <#
    .SYNOPSIS
        Starts tests/FastTrack.GraphEmulator in a process of its own (built by dotnet build), serving one tenant
        that accepts one token. Returns @{ Process; Uri; Token; SecureToken; TenantId }; Stop-FtGraphEmulator ends it.
    #>
    param(
        [string] $TenantId = '3e0fa563-b68f-42de-b828-2d29d91b3ecf',
        [string] $Customer = 'Northwind',
        [string] $Domain = 'northwind.example'
    )
    $dll = Join-Path $script:FtRepoRoot 'tests/FastTrack.GraphEmulator/bin/Debug/net10.0/FastTrack.GraphEmulator.dll'
    if (-not (Test-Path $dll)) { throw "Build first (dotnet build): $dll is missing." }
    $token = 'pester-' + [guid]::NewGuid()
    $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in $dll, '--tenant-id', $TenantId, '--customer', $Customer, '--domain', $Domain, '--token', $token, '--copilot-page-size', '15') { $start.ArgumentList.Add($a) }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $process = [Diagnostics.Process]::Start($start)
    $uri = [uri]($process.StandardOutput.ReadLine() -replace '^READY ', '')
    @{ Process = $process; Uri = $uri; Token = $token; SecureToken = (ConvertTo-SecureString $token -AsPlainText -Force); TenantId = $TenantId }
}

function Stop-FtGraphEmulator($Emulator) {
    if (-not $Emulator) { return }
    $Emulator.Process.StandardInput.Close()   # it serves until its standard input closes
    if (-not $Emulator.Process.WaitForExit(5000)) { $Emulator.Process.Kill() }
}

function Get-FtEmulatorWebhookUrl($Emulator) {
    <# The emulator's loopback Teams webhook URL, with its secret signature, as a SecureString. #>
    $url = Invoke-RestMethod -Uri ([uri]::new($Emulator.Uri, 'emulator/webhook'))
    ConvertTo-SecureString $url -AsPlainText -Force
}

function Get-FtEmulatorRecord($Emulator, [ValidateSet('mail', 'posts', 'requests')] [string] $Kind) {
    <# What the emulator recorded: the messages sent through sendMail, the webhook's posts, every request. #>
    @(Invoke-RestMethod -Uri ([uri]::new($Emulator.Uri, "emulator/$Kind")))
}

function Start-FtAzurite {
    <#
    .SYNOPSIS
        Starts Azurite's blob service (tools/azurite, installed by `npm ci --prefix tools/azurite`; .ci/run does) on
        loopback, on a port the system picks, in memory. Returns @{ Process; Endpoint; ConnectionString }, or $null
        when it is not installed (Stop-FtAzurite ends it). The key is Azurite's public development key.
    #>
    $binary = Join-Path $script:FtRepoRoot 'tools/azurite/node_modules/.bin/azurite-blob'
    if ($env:FASTTRACK_AZURITE) { $binary = $env:FASTTRACK_AZURITE }
    if (-not (Test-Path $binary)) { return $null }
    $start = [Diagnostics.ProcessStartInfo]::new($binary)
    foreach ($a in '--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--skipApiVersionCheck', '--loose', '--disableTelemetry') { $start.ArgumentList.Add($a) }
    $start.RedirectStandardOutput = $true
    $process = [Diagnostics.Process]::Start($start)
    $endpoint = $null
    while (-not $endpoint -and ($line = $process.StandardOutput.ReadLine()) -ne $null) {
        if ($line -match 'listens on (http://127\.0\.0\.1:\d+)') { $endpoint = $Matches[1] + '/devstoreaccount1' }
    }
    if (-not $endpoint) { $process.Kill($true); throw 'Azurite exited before it listened.' }
    $key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
    @{ Process = $process; Endpoint = $endpoint; ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=$endpoint;" }
}

function Stop-FtAzurite($Azurite) {
    if ($Azurite) { $Azurite.Process.Kill($true); $Azurite.Process.WaitForExit(10000) | Out-Null }
}
