# Makes a container in the storage emulator for bench/blob-runners.ps1 (the module never creates one). Runs in a
# pwsh of its own: it loads the staged module's Azure.Storage.Blobs into the default context, which a session that
# imports the module should not do.
param([Parameter(Mandatory)] [string] $ModuleDirectory, [Parameter(Mandatory)] [string] $ContainerUrl, [Parameter(Mandatory)] [string] $AccountKey)
$ErrorActionPreference = 'Stop'
foreach ($name in 'System.Memory.Data', 'System.ClientModel', 'Azure.Core', 'System.IO.Hashing', 'Azure.Storage.Common', 'Azure.Storage.Blobs') {
    $dll = Join-Path $ModuleDirectory "Dependencies/$name.dll"
    if (Test-Path $dll) { [Reflection.Assembly]::LoadFrom($dll) | Out-Null }
}
$credential = [Azure.Storage.StorageSharedKeyCredential]::new('devstoreaccount1', $AccountKey)
[Azure.Storage.Blobs.BlobContainerClient]::new([uri]$ContainerUrl, $credential).CreateIfNotExists() | Out-Null
