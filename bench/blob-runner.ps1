# One runner of bench/blob-runners.ps1: imports the module, then either creates -Plans sample plans (-Create) or
# times one Invoke-FtSuccessExecution over the workspace and prints "<start ms> <end ms> <plans it ran>".
param([Parameter(Mandatory)] [string] $Manifest, [Parameter(Mandatory)] [string] $Workspace, [int] $Plans, [switch] $Create)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
if ($Create) {
    1..$Plans | ForEach-Object { New-FtCustomerPlan -Workspace $Workspace -TenantId ('00000000-0000-4000-8000-{0:D12}' -f $_) -Customer "Customer $_" -IntendedService Teams | Out-Null }
    return
}
$start = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
$ran = @(Invoke-FtSuccessExecution -Workspace $Workspace -WarningAction SilentlyContinue).Count
$end = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
"$start $end $ran"
