# Runs once per PowerShell worker (cold start), before the first function. The nightly run needs no Azure PowerShell
# context: FastTrack.PowerShell signs in to each tenant itself, from the plans' connection profiles, and to the
# workspace with the app's managed identity. Importing here makes the first run's clock start at the work.
if (Get-Module -ListAvailable FastTrack.PowerShell) {
    Import-Module FastTrack.PowerShell
} else {
    Write-Warning 'FastTrack.PowerShell is not in the app: deploy it in the Modules folder (Save-PSResource FastTrack.PowerShell -Path ./Modules).'
}
