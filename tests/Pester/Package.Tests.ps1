#Requires -Version 7.4
# Pester 5: the package build.ps1 -Task Package writes installs the way users install modules. It is
# published to a local file repository registered with PSResourceGet (it ships with pwsh 7.4+), saved into a
# temporary folder, and imported by name in a fresh pwsh.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:scratch = Join-Path ([IO.Path]::GetTempPath()) ('ft-package-' + [guid]::NewGuid())
    $script:feed = Join-Path $scratch 'feed'
    $script:modules = Join-Path $scratch 'Modules'
    New-Item -ItemType Directory -Path $feed, $modules | Out-Null

    # The same script build.ps1 -Task Package runs, on the staged module.
    $script:package = & (Join-Path $FtRepoRoot 'eng/New-ModulePackage.ps1') -ManifestPath (Get-FtStagedManifest) -OutputDirectory (Join-Path $scratch 'out')
    $script:repository = 'FastTrackPester' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    Register-PSResourceRepository -Name $repository -Uri $feed -Trusted
    Publish-PSResource -NupkgPath $package.FullName -Repository $repository
    Save-PSResource -Name FastTrack.PowerShell -Repository $repository -Path $modules -TrustRepository

    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $zip = [IO.Compression.ZipFile]::OpenRead($package.FullName)
    try { $script:entries = @($zip.Entries | ForEach-Object FullName) } finally { $zip.Dispose() }
}

AfterAll {
    Unregister-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue
    Remove-Item $scratch -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The module package' {
    It 'is named after the module and its version' {
        $package.Name | Should -Be ('FastTrack.PowerShell.{0}.nupkg' -f (Get-FtBuildVersion))
    }

    It 'holds the staged module and nothing from the repository' {
        $entries | Should -Contain 'FastTrack.PowerShell.psd1'
        $entries | Should -Contain 'FastTrack.PowerShell.dll'
        $entries | Should -Contain 'Dependencies/FastTrack.Core.dll'
        $entries | Should -Contain 'en-US/FastTrack.PowerShell.dll-Help.xml'
        $entries | Where-Object { $_ -match '(^|/)(tests|src|obj|bin|eng)/|\.(cs|csproj|sln|ps1)$|^README' } | Should -BeNullOrEmpty
    }

    It 'carries the Gallery metadata of the manifest' {
        $found = Find-PSResource -Name FastTrack.PowerShell -Repository $repository
        $found.Version | Should -Be (Get-FtBuildVersion)
        $found.Tags | Should -Contain 'FastTrack'
        $found.Tags | Should -Contain 'PSEdition_Core'
        "$($found.ProjectUri)" | Should -Match '^https://'
        "$($found.LicenseUri)" | Should -Match '^https://'
        $found.ReleaseNotes | Should -Not -BeNullOrEmpty
        $found.Description | Should -Match 'Support Success Execution'
    }

    It 'imports by name in a fresh pwsh from where it was saved, and runs' {
        $output = Invoke-ChildShell -ScriptPath (Join-Path $PSScriptRoot 'Fixtures/ImportByName.ps1') -ArgumentList @('-ModulesPath', $modules)
        $LASTEXITCODE | Should -Be 0
        $imported = ($output | Select-Object -Last 1) | ConvertFrom-Json
        $imported.moduleBase | Should -BeLike (Join-Path $modules 'FastTrack.PowerShell*')
        $imported.version | Should -Be (Get-FtBuildVersion)
        $imported.tasks | Should -Be @(3731, 3732, 3733, 3740, 3741, 3743, 3650)
        $imported.sampleAu | Should -Match '^Teams \d+$'
    }
}
