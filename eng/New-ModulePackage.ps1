<#
.SYNOPSIS
    Writes <OutputDirectory>/FastTrack.PowerShell.<version>.nupkg, the PowerShell Gallery's package format,
    from the staged module folder only, after checking the manifest's Gallery metadata.
.DESCRIPTION
    Called by build.ps1 -Task Package and by the Pester package test. Needs PSResourceGet 1.1+ (it ships with
    PowerShell 7.4+; on Windows PowerShell 5.1 install Microsoft.PowerShell.PSResourceGet first).
    Returns the package file.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ManifestPath,
    [Parameter(Mandatory)] [string] $OutputDirectory
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Command Compress-PSResource -ErrorAction SilentlyContinue)) {
    throw 'Packaging needs PSResourceGet 1.1 or later (Compress-PSResource): use PowerShell 7.4+ or Install-Module Microsoft.PowerShell.PSResourceGet.'
}

$info = Test-ModuleManifest -Path $ManifestPath
$psData = (Import-PowerShellDataFile -Path $ManifestPath).PrivateData.PSData
$missing = @('Tags', 'LicenseUri', 'ProjectUri', 'ReleaseNotes') | Where-Object { -not $psData[$_] }
if ($missing) { throw "$ManifestPath lacks the Gallery metadata $($missing -join ', ') under PrivateData.PSData." }
$badTags = @($psData.Tags | Where-Object { $_ -match '\s' })
if ($badTags) { throw "$ManifestPath has tags with spaces, which the Gallery refuses: $($badTags -join ', ')" }

# A Debug core reads reports several times slower: say so when one is packaged (the tests package the Debug
# build they run; build.ps1 -Task Package always stages Release). Read from the file's metadata, so no copy of
# the assembly is loaded into this session.
function Test-OptimisedAssembly([string] $Path) {
    $pe = [Reflection.PortableExecutable.PEReader]::new([IO.File]::OpenRead($Path))
    try {
        $md = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
        foreach ($handle in $md.GetAssemblyDefinition().GetCustomAttributes()) {
            $attribute = $md.GetCustomAttribute($handle)
            if ($attribute.Constructor.Kind -ne 'MemberReference') { continue }
            $type = $md.GetTypeReference($md.GetMemberReference($attribute.Constructor).Parent)
            if ($md.GetString($type.Name) -ne 'DebuggableAttribute') { continue }
            # DebuggableAttribute(DebuggingModes): after the 2-byte prolog, the modes; 256 is DisableOptimizations.
            return -not ([BitConverter]::ToInt32($md.GetBlobBytes($attribute.Value), 2) -band 256)
        }
        $true
    }
    finally { $pe.Dispose() }
}
$core = Join-Path (Split-Path -Parent $ManifestPath) 'Dependencies/FastTrack.Core.dll'
if (-not (Test-OptimisedAssembly $core)) { Write-Warning "$core is a Debug build, several times slower; publish a Release build (build.ps1 -Task Package)." }

# Only the staged module goes in: the folder that holds the manifest, nothing from the repository.
$moduleFolder = Split-Path -Parent (Resolve-Path -LiteralPath $ManifestPath).ProviderPath
$package = Join-Path $OutputDirectory ('{0}.{1}.nupkg' -f $info.Name, $info.Version)
if (Test-Path -LiteralPath $package) { Remove-Item -LiteralPath $package }
New-Item -ItemType Directory -Force -Path $OutputDirectory | Out-Null
Compress-PSResource -Path $moduleFolder -DestinationPath $OutputDirectory
if (-not (Test-Path -LiteralPath $package)) { throw "Compress-PSResource did not write $package." }
Get-Item -LiteralPath $package
