#Requires -Version 5.1
# Pester 5: build.ps1 -Task Demo runs the README's quick start through eng/Invoke-QuickStart.ps1 in a child
# pwsh started from the running engine's own location (here the .NET tool's pwsh.dll under dotnet). Its
# redirected output must read like a console session.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:demoLines = @(Invoke-ChildShell -ScriptPath (Join-Path $FtRepoRoot 'eng/Invoke-QuickStart.ps1') -ArgumentList @(
            '-ManifestPath', (Get-FtStagedManifest), '-ReadmePath', (Join-Path $FtRepoRoot 'README.md')) 2>&1 | ForEach-Object { "$_" })
    $script:exitCode = $LASTEXITCODE
    $script:text = $demoLines -join "`n"

    # The lines a statement printed: from its prompt to the next prompt.
    function Get-StatementOutput([string] $Prompt) {
        $start = [array]::IndexOf($demoLines, "PS> $Prompt")
        $start | Should -BeGreaterOrEqual 0 -Because "the demo echoes 'PS> $Prompt'"
        $lines = foreach ($line in $demoLines | Select-Object -Skip ($start + 1)) { if ($line -like 'PS> *') { break }; $line }
        @($lines)
    }
}

Describe 'The quick start (build.ps1 -Task Demo)' {
    It 'starts a child of the running PowerShell, not of its process path' {
        $shell = Get-ChildShellCommand
        if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
            $shell.FilePath | Should -Be ([Environment]::ProcessPath)
            $shell.Arguments | Should -Be @((Join-Path $PSHOME 'pwsh.dll'))
        }
        else {
            $shell.Arguments | Should -BeNullOrEmpty
        }
    }

    It 'runs to the end without an error' {
        $exitCode | Should -Be 0
        (Get-StatementOutput 'Invoke-FtSuccessExecution') -join "`n" | Should -Match 'Contoso \(SuccessExecution\), run '
    }

    It 'carries no CLIXML, progress record or colour escape into a log' {
        $text | Should -Not -Match '#< CLIXML'
        $text | Should -Not -Match '<Objs '
        $text | Should -Not -Match "`e\["
    }

    It 'formats each statement on its own, as at a prompt: later tables stay tables' {
        (Get-StatementOutput 'Get-FtPlaybookActivity') -join "`n" | Should -Match '(?m)^\s*Order Name\s+AppliesToText'
        $history = Get-StatementOutput 'Get-FtActiveUsageHistory'
        $history -join "`n" | Should -Match '(?m)^Service\s+Latest\s+'
        $history -join "`n" | Should -Not -Match '(?m)^Service\s+:'
        @($history | Where-Object { $_ -match '^(Teams|Yammer|OneDrive)\s+\d' }) | Should -HaveCount 3
    }

    It 'keeps the README''s comments beside the statements they explain' {
        $text | Should -Match '# The five activities of the process, in the page''s order\nPS> Get-FtPlaybookActivity'
    }
}
