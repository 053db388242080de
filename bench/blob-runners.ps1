# Plans per minute of Invoke-FtSuccessExecution against a workspace in Azure Blob Storage (issue 19), for 1 and 4
# runners (pwsh processes at once) over the same number of sample plans, against Azurite on this machine:
#   dotnet pwsh -NoProfile -Command "./bench/blob-runners.ps1 -Plans 500 -Runners 1, 4"   (-Command: -File would read "1, 4" as one number)
# Each runner times its own Invoke-FtSuccessExecution (after its Import-Module); a round's time is from the first
# runner's start to the last one's end. The plans have no usage source (no Graph): this measures the workspace
# (claims, reads, conditional writes), not the measurement. Prints one JSON line per round.
param(
    [int] $Plans = 500,
    [int[]] $Runners = @(1, 4),
    [string] $Manifest = (Join-Path $PSScriptRoot "../out/FastTrack.PowerShell/0.1.0/FastTrack.PowerShell.psd1")
)
$ErrorActionPreference = 'Stop'
$manifestPath = (Resolve-Path $Manifest).Path
$azurite = Join-Path $PSScriptRoot '../tools/azurite/node_modules/.bin/azurite-blob'
if (-not (Test-Path $azurite)) { throw 'Azurite is not installed: npm ci --prefix tools/azurite' }
# Azurite's public development key (the same in every installation).
$key = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
$log = New-TemporaryFile
$emulator = Start-Process $azurite -ArgumentList '--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--skipApiVersionCheck', '--loose', '--silent', '--disableTelemetry' -RedirectStandardOutput $log -PassThru
try {
    $endpoint = $null
    foreach ($try in 1..120) {
        if ((Get-Content -Raw $log) -match 'listens on (http://127\.0\.0\.1:\d+)') { $endpoint = "$($Matches[1])/devstoreaccount1"; break }
        Start-Sleep -Milliseconds 500
    }
    if (-not $endpoint) { throw 'Azurite did not start' }
    . (Join-Path $PSScriptRoot '../eng/ChildShell.ps1')
    $child = Get-ChildShellCommand
    $pwsh = $child.FilePath
    $self = @($child.Arguments)
    $env:FASTTRACK_STORAGE_CONNECTION_STRING = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=$endpoint;"

    foreach ($count in $Runners) {
        $container = "$endpoint/bench-$count-runners-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        & $pwsh @self -NoProfile -File (Join-Path $PSScriptRoot 'blob-container.ps1') -ModuleDirectory (Split-Path $manifestPath) -ContainerUrl $container -AccountKey $key
        $runner = Join-Path $PSScriptRoot 'blob-runner.ps1'
        & $pwsh @self -NoProfile -File $runner -Manifest $manifestPath -Workspace $container -Plans $Plans -Create
        $outputs = 1..$count | ForEach-Object { New-TemporaryFile }
        $processes = 1..$count | ForEach-Object { Start-Process $pwsh -ArgumentList (@($self) + '-NoProfile', '-File', $runner, '-Manifest', $manifestPath, '-Workspace', $container) -RedirectStandardOutput $outputs[$_ - 1] -PassThru }
        $processes | Wait-Process
        $lines = $outputs | ForEach-Object { (Get-Content $_ | Select-Object -Last 1) -split ' ' }
        $starts = @(); $ends = @(); $ran = 0
        for ($i = 0; $i -lt $lines.Count; $i += 3) { $starts += [long]$lines[$i]; $ends += [long]$lines[$i + 1]; $ran += [int]$lines[$i + 2] }
        $seconds = (($ends | Measure-Object -Maximum).Maximum - ($starts | Measure-Object -Minimum).Minimum) / 1000
        $outputs | Remove-Item
        [pscustomobject]@{ runners = $count; plans = $Plans; ran = $ran; seconds = [math]::Round($seconds, 1); plansPerMinute = [math]::Round($Plans * 60 / $seconds) } | ConvertTo-Json -Compress
    }
}
finally {
    Stop-Process -Id $emulator.Id -ErrorAction SilentlyContinue
    Remove-Item $log -ErrorAction SilentlyContinue
}
