# Runs one of deploy/'s scripts as Azure would, in this (child) PowerShell, and keeps what a test checks in a CLIXML
# file: the results, and every error's id and text. Azure Functions gives run.ps1 a $Timer; any object with
# IsPastDue stands in for it here.
param(
    [Parameter(Mandatory)] [string] $Script,
    [Parameter(Mandatory)] [string] $ResultFile,
    [switch] $TimerTrigger
)
# A script that stops (no workspace) has thrown into $Error, which is what the test reads.
$results = try {
    if ($TimerTrigger) { & $Script -Timer ([pscustomobject]@{ IsPastDue = $true }) -Verbose } else { & $Script -ThrottleLimit 2 -Verbose }
} catch { @() }
[pscustomobject]@{
    Results = @($results | Select-Object Customer, TenantId, Source, Saved)
    Errors  = @($Error | ForEach-Object { [pscustomobject]@{ Id = $_.FullyQualifiedErrorId; Text = $_.ToString(); Target = "$($_.TargetObject)" } })
} | Export-Clixml -Path $ResultFile
