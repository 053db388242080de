# The portfolio as a partner runs it (issue 18): one Connect-FtTenant per tenant, one plan per tenant, then
# Invoke-FtSuccessExecution over the workspace. FastTrack.Bench --portfolio --pwsh runs it:
#   dotnet pwsh -NoProfile -File bench/portfolio.ps1 -Manifest <psd1> -Endpoint <emulator> -Token <token> -Workspace <folder> [-Tenants 200] [-ThrottleLimit 25]
# against an emulator serving the portfolio (FastTrack.GraphEmulator --portfolio N --token <token>), tenant i
# to the bearer of "<token>-000i". Writes one line of JSON: the seconds connecting and running.
param(
    [Parameter(Mandatory)] [string] $Manifest,
    [Parameter(Mandatory)] [string] $Endpoint,
    [Parameter(Mandatory)] [string] $Token,
    [Parameter(Mandatory)] [string] $Workspace,
    [int] $Tenants = 200,
    [int] $ThrottleLimit = 25
)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest

$watch = [Diagnostics.Stopwatch]::StartNew()
$connections = foreach ($i in 1..$Tenants) {
    $secure = ConvertTo-SecureString ('{0}-{1:0000}' -f $Token, $i) -AsPlainText -Force
    Connect-FtTenant -AccessToken $secure -GraphEndpoint $Endpoint -PassThru
}
$connectSeconds = $watch.Elapsed.TotalSeconds
foreach ($connection in $connections) {
    New-FtCustomerPlan -TenantId $connection.TenantId -Customer $connection.DisplayName -PrimaryDomain $connection.DefaultDomain -Workspace $Workspace | Out-Null
}

$watch.Restart()
$results = @(Invoke-FtSuccessExecution -Workspace $Workspace -ThrottleLimit $ThrottleLimit)
$runSeconds = $watch.Elapsed.TotalSeconds

[pscustomobject]@{
    tenants        = $Tenants
    throttleLimit  = $ThrottleLimit
    connectSeconds = [math]::Round($connectSeconds, 2)
    runSeconds     = [math]::Round($runSeconds, 2)
    results        = $results.Count
    measured       = ($results | ForEach-Object { $_.Measured.Count } | Measure-Object -Sum).Sum
    failures       = ($results | ForEach-Object { $_.Failures.Count } | Measure-Object -Sum).Sum
} | ConvertTo-Json -Compress
