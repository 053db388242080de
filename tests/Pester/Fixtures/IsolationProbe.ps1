<#
Run in a fresh child pwsh by Isolation.Tests.ps1. Loads OTHER versions of Microsoft.Graph.Core, Azure.Core,
MSAL and Kiota into the session's default load context (as the Graph, Exchange Online or Teams modules do
through RequiredAssemblies), before or after importing FastTrack.PowerShell, then measures a plan through the
module's Graph client against the loopback emulator. Prints one JSON object.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('OthersFirst', 'ModuleFirst')] [string] $Order,
    [Parameter(Mandatory)] [string] $ManifestPath,
    [Parameter(Mandatory)] [string] $OtherAssemblies,
    [Parameter(Mandatory)] [string] $GraphEndpoint,
    [Parameter(Mandatory)] [string] $Token,
    [Parameter(Mandatory)] [string] $Workspace
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$result = [ordered]@{ order = $Order }

function Import-OtherVersions {
    foreach ($name in 'Microsoft.IdentityModel.Abstractions', 'Microsoft.Identity.Client', 'System.ClientModel', 'System.Memory.Data', 'Azure.Core',
                      'Std.UriTemplate', 'Microsoft.Kiota.Abstractions', 'Microsoft.Kiota.Http.HttpClientLibrary', 'Microsoft.Kiota.Authentication.Azure',
                      'Microsoft.Kiota.Serialization.Json', 'Microsoft.Kiota.Serialization.Text', 'Microsoft.Kiota.Serialization.Form',
                      'Microsoft.Kiota.Serialization.Multipart', 'Microsoft.Graph.Core') {
        Add-Type -Path (Join-Path $OtherAssemblies "$name.dll")
    }
}

function Use-OtherVersions {
    # Each call makes the default context run the other module's version.
    $handlers = [Microsoft.Graph.GraphClientFactory]::CreateDefaultHandlers()
    $context = [Azure.Core.TokenRequestContext]::new([string[]] @('https://graph.microsoft.com/.default'))
    $app = [Microsoft.Identity.Client.PublicClientApplicationBuilder]::Create([guid]::NewGuid().ToString()).Build()
    $request = [Microsoft.Kiota.Abstractions.RequestInformation]::new()
    $answers = [ordered]@{}
    foreach ($type in [Microsoft.Graph.GraphClientFactory], $context.GetType(), $app.GetType(), $request.GetType()) {
        $answers[$type.Assembly.GetName().Name] = '{0} in {1}' -f $type.Assembly.GetName().Version, [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($type.Assembly).Name
    }
    $answers['handlers'] = $handlers.Count
    $answers
}

function Use-Module {
    Import-Module $ManifestPath
    $secure = ConvertTo-SecureString $Token -AsPlainText -Force
    $connection = Connect-FtTenant -AccessToken $secure -GraphEndpoint $GraphEndpoint -PassThru
    New-FtCustomerPlan -TenantId $connection.TenantId -Customer Probe -IntendedService Teams, Exchange -Workspace $Workspace | Out-Null
    $measured = Measure-FtActiveUsage -TenantId $connection.TenantId -Workspace $Workspace
    [ordered]@{
        measured    = @($measured | ForEach-Object { '{0} {1} {2}' -f $_.Service, $_.ActiveUsers, $_.Source })
        diagnostics = @(Get-FtModuleDiagnostic -Loaded | ForEach-Object { '{0} {1} {2}' -f $_.Name, $_.LoadedVersion, $_.Context })
    }
}

try {
    if ($Order -eq 'OthersFirst') {
        Import-OtherVersions
        $result.otherBefore = Use-OtherVersions
        $result.module = Use-Module
    }
    else {
        $result.module = Use-Module
        Import-OtherVersions
        $result.otherBefore = Use-OtherVersions
    }
    $result.otherAfter = Use-OtherVersions
}
catch {
    $result.error = "$($_.FullyQualifiedErrorId): $_"
}
$result | ConvertTo-Json -Depth 5 -Compress
