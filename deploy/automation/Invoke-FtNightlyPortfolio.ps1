#Requires -Version 7.4
<#
.SYNOPSIS
    Azure Automation runbook: the nightly FastTrack portfolio run, one line for every customer.

.DESCRIPTION
    Runs Invoke-FtSuccessExecution over every plan of the workspace, -ThrottleLimit tenants at once. Each tenant
    that is not connected signs in from its plan's connection profile (Connect-FtTenant -Save,
    Set-FtCustomerPlan -ConnectionProfile): the partner's multi-tenant app with its certificate, a client secret read
    from an environment variable, or a managed identity. Nothing here holds a secret.

    In Azure Automation (PowerShell 7.4 runtime) with the account's managed identity:
      - the module FastTrack.PowerShell is imported into the account (Modules, or a runtime environment);
      - the workspace comes from -Workspace, else $env:FASTTRACK_WORKSPACE, else the Automation variable
        FastTrackWorkspace (a blob container URL, read with the managed identity, or a folder on a Hybrid Runbook
        Worker);
      - -CertificateAsset names Automation certificate assets to put in the job's CurrentUser 'My' store first, so
        profiles that name their thumbprint find them;
      - -SecretVariable names Automation variables (encrypted) copied into environment variables of the same name
        for this job, for profiles that read a client secret from one.

    Outside Azure (a test, a server's scheduler) the same script runs with environment variables only:
    FASTTRACK_WORKSPACE, FASTTRACK_THROTTLE_LIMIT and, for a managed identity, IDENTITY_ENDPOINT and IDENTITY_HEADER.

.OUTPUTS
    One FastTrack.Core.Workflow.SuccessExecutionResult per plan run. A plan that could not run (its secret
    variable missing, its sign-in refused) is an error of its own, written to the error stream; the others go on.
#>
[CmdletBinding()]
param(
    [string] $Workspace,
    [ValidateRange(0, 32)] [int] $ThrottleLimit = 0,
    [string[]] $CertificateAsset = @(),
    [string[]] $SecretVariable = @()
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

# A setting from the process environment, else from the Automation account's variables (only inside a job).
function Get-FtSetting([string] $Environment, [string] $AutomationVariable) {
    $value = [Environment]::GetEnvironmentVariable($Environment)
    if (-not $value -and (Get-Command Get-AutomationVariable -ErrorAction SilentlyContinue)) {
        $value = Get-AutomationVariable -Name $AutomationVariable -ErrorAction SilentlyContinue
    }
    $value
}

if (-not $Workspace) { $Workspace = Get-FtSetting 'FASTTRACK_WORKSPACE' 'FastTrackWorkspace' }
if (-not $Workspace) { throw 'No workspace: pass -Workspace, or set $env:FASTTRACK_WORKSPACE or the Automation variable FastTrackWorkspace.' }
if ($ThrottleLimit -eq 0) { $ThrottleLimit = [int](Get-FtSetting 'FASTTRACK_THROTTLE_LIMIT' 'FastTrackThrottleLimit') }
if ($ThrottleLimit -eq 0) { $ThrottleLimit = 8 }

Import-Module FastTrack.PowerShell

if ($CertificateAsset.Count -gt 0) {
    $store = [Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser')
    $store.Open('ReadWrite')
    try {
        foreach ($name in $CertificateAsset) { $store.Add((Get-AutomationCertificate -Name $name)) }
    } finally { $store.Close() }
}
foreach ($name in $SecretVariable) {
    if (-not [Environment]::GetEnvironmentVariable($name) -and (Get-Command Get-AutomationVariable -ErrorAction SilentlyContinue)) {
        [Environment]::SetEnvironmentVariable($name, (Get-AutomationVariable -Name $name))
    }
}

# One plan's failure is its own error; the run goes on with the others and the job still ends.
$ErrorActionPreference = 'Continue'
Write-Verbose "Running the portfolio of $Workspace, $ThrottleLimit tenants at a time."
Invoke-FtSuccessExecution -Workspace $Workspace -ThrottleLimit $ThrottleLimit -ErrorVariable failed
if ($failed) { Write-Warning "$(@($failed).Count) plan(s) did not run; their errors above say why." }
