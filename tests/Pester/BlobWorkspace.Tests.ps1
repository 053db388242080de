#Requires -Version 7.4
# Pester 5, issue 19: a workspace in Azure Blob Storage, as an admin meets it at the prompt: the errors name the fix
# (container missing, access denied, account unreachable). Azurite's blob service stands in for the account; the
# writes, the racing writers and the runners are tested against it in pwsh processes by BlobWorkspaceRunnerTests.

BeforeDiscovery {
    # Without Azurite the cases that need it are skipped, except in CI (FASTTRACK_REQUIRE_AZURITE=1), where they fail.
    $script:noAzurite = -not ($env:FASTTRACK_AZURITE -or (Test-Path (Join-Path $PSScriptRoot '../../tools/azurite/node_modules/.bin/azurite-blob'))) -and $env:FASTTRACK_REQUIRE_AZURITE -ne '1'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:azurite = Start-FtAzurite
    if (-not $azurite -and $env:FASTTRACK_REQUIRE_AZURITE -eq '1') { throw 'Azurite is not installed: npm ci --prefix tools/azurite' }
    $script:saved = $env:FASTTRACK_STORAGE_CONNECTION_STRING
    $script:tenant = '7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b'
}

AfterAll {
    $env:FASTTRACK_STORAGE_CONNECTION_STRING = $saved
    Stop-FtAzurite $azurite
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'A workspace in a blob container' {
    It 'says how to create a container that does not exist' -Skip:$noAzurite {
        $env:FASTTRACK_STORAGE_CONNECTION_STRING = $azurite.ConnectionString
        New-FtCustomerPlan -TenantId $tenant -Customer Contoso -Workspace "$($azurite.Endpoint)/fasttrack-missing" -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'StorageContainerNotFound,*'
        $failed[0].Exception.Message | Should -Match "The container 'fasttrack-missing' does not exist in the storage account 'devstoreaccount1'.*\(az storage container create --account-name devstoreaccount1 --name fasttrack-missing"
    }

    It 'names the role to grant when access is denied' -Skip:$noAzurite {
        $env:FASTTRACK_STORAGE_CONNECTION_STRING = $azurite.ConnectionString -replace 'AccountKey=[^;]+', "AccountKey=$([Convert]::ToBase64String([byte[]](1..64)))"
        Get-FtCustomerPlan -Workspace "$($azurite.Endpoint)/fasttrack" -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'StorageAccessDenied,*'
        $failed[0].Exception.Message | Should -Match 'Storage Blob Data Contributor'
        $failed[0].Exception.Message | Should -Not -Match 'AccountKey'
    }

    It 'says the account cannot be reached, and what to check' {
        $env:FASTTRACK_STORAGE_CONNECTION_STRING = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;'
        Get-FtCustomerPlan -Workspace 'http://127.0.0.1:9/devstoreaccount1/fasttrack' -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'StorageUnreachable,*'
        $failed[0].Exception.Message | Should -Match "The storage account 'devstoreaccount1' could not be reached .* Check the account name in -Workspace"
    }
}
