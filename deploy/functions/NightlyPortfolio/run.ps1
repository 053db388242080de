#Requires -Version 7.4
# Azure Functions (PowerShell 7.4, timer trigger at 02:00 UTC; WEBSITE_TIME_ZONE moves it): the nightly FastTrack
# portfolio run. Every tenant that is not connected signs in from its plan's connection profile; nothing here holds
# a secret. Application settings: FASTTRACK_WORKSPACE (required), FASTTRACK_THROTTLE_LIMIT (default 8), and any
# environment variable a profile reads its client secret from (best a Key Vault reference). Outside Azure it runs
# with those environment variables and any object with an IsPastDue property as $Timer.
param($Timer)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$workspace = $env:FASTTRACK_WORKSPACE
if (-not $workspace) { throw 'No workspace: set the application setting FASTTRACK_WORKSPACE (a blob container URL, or a folder).' }
$throttleLimit = if ($env:FASTTRACK_THROTTLE_LIMIT) { [int] $env:FASTTRACK_THROTTLE_LIMIT } else { 8 }
if ($Timer.IsPastDue) { Write-Warning 'The nightly FastTrack run starts late (the timer is past due).' }

Import-Module FastTrack.PowerShell

# One plan's failure is its own error; the others go on, and the invocation logs how many ran.
$ErrorActionPreference = 'Continue'
$results = @(Invoke-FtSuccessExecution -Workspace $workspace -ThrottleLimit $throttleLimit -ErrorVariable failed)
foreach ($result in $results) {
    Write-Information ("{0} ({1}): {2}" -f $result.Customer, $result.TenantId, ($result.Source ?? 'saved history')) -InformationAction Continue
}
Write-Information "FastTrack nightly run: $($results.Count) plan(s) run, $(@($failed).Count) failed." -InformationAction Continue
$results
