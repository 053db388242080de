<#
.SYNOPSIS
    Measure-FtActiveUsage against the script a user would write, inside one pwsh, on the active-user report of
    100,000 and 1,000,000 users. Prints the times, the ratio and whether the counts agree.
.EXAMPLE
    dotnet build FastTrack.PowerShell.sln; dotnet build -c Release bench/FastTrack.Bench
    dotnet pwsh -NoProfile -File bench/peer/Compare-WithPeer.ps1 -Users 100000, 1000000
#>
param(
    [int[]] $Users = @(100000, 1000000),
    [string] $Data = (Join-Path ([IO.Path]::GetTempPath()) 'ftbench'),
    [string] $Manifest = (Get-ChildItem (Join-Path $PSScriptRoot '../../out/FastTrack.PowerShell/*/FastTrack.PowerShell.psd1') | Select-Object -First 1).FullName
)
$ErrorActionPreference = 'Stop'
$bench = Join-Path $PSScriptRoot '../FastTrack.Bench/bin/Release/net10.0/FastTrack.Bench.dll'
Import-Module $Manifest
$peer = Join-Path $PSScriptRoot 'Get-UserActivitySummary.ps1'

"| Users | MB | Measure-FtActiveUsage, median of 5 (ms) | Peer script (ms) | Peer ÷ ours | Counts agree |"
"|---:|---:|---:|---:|---:|---|"
foreach ($count in $Users) {
    $folder = (& dotnet $bench --write-wide $count $Data | Select-Object -Last 1)
    $file = Join-Path $folder 'getOffice365ActiveUserDetail.csv'
    $megabytes = (Get-Item $file).Length / 1MB
    # A first call loads and compiles what the module needs (both are measured warm; the peer has no such cost).
    $null = Measure-FtActiveUsage -Path $folder -Basis LicensedUsers -WarningAction SilentlyContinue
    # Then five timed calls, the median kept: one call of a session varies with which methods the JIT has
    # optimised by then and when the GC runs, and a single figure would be whichever it happened to be.
    $ours = $null
    $times = foreach ($i in 1..5) {
        [GC]::Collect()
        (Measure-Command { $script:ours = Measure-FtActiveUsage -Path $folder -Basis LicensedUsers -WarningAction SilentlyContinue }).TotalMilliseconds
    }
    $oursMs = ($times | Sort-Object)[2]
    Write-Host ("{0:N0} users, ours (ms): {1}" -f $count, (($times | ForEach-Object { '{0:0}' -f $_ }) -join ' · '))
    [GC]::Collect()
    $theirs = $null
    $peerMs = (Measure-Command { $script:theirs = & $peer -Path $file }).TotalMilliseconds
    $agree = @(foreach ($row in $theirs) {
        $mine = $ours | Where-Object { "$($_.Service)" -eq $row.Service }
        $mine -and $mine.ActiveUsers -eq $row.ActiveUsers -and $mine.Denominator -eq $row.Licensed
    }) -notcontains $false
    '| {0:N0} | {1:0} | {2:0} | {3:0} | {4:0.0}× | {5} |' -f $count, $megabytes, $oursMs, $peerMs, ($peerMs / $oursMs), $(if ($agree) { 'yes' } else { 'NO' })
    if (-not $agree) {
        $ours | Select-Object Service, ActiveUsers, Denominator | Format-Table | Out-String | Write-Host
        $theirs | Format-Table | Out-String | Write-Host
    }
    $theirs = $null; [GC]::Collect()
}
