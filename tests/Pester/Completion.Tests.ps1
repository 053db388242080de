#Requires -Version 5.1
# Pester 5: tab completion of names a customer chose, in the real pwsh. The completed line is typed back as
# code, so a name holding a quote PowerShell accepts (' ‘ ’ ‚ ‛) must come back as one string and run nothing.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
}

AfterAll {
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'Completion of crafted customer names' {
    BeforeEach {
        $root = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $ws = Join-Path $root 'workspace'
        $marker = Join-Path $root 'PWNED'
        $names = @(
            "Zed$([char]0x2019) (New-Item $marker) $([char]0x2019)"    # the reported case
            "Zed$([char]0x2018); New-Item $marker; $([char]0x2018)"
            "Zed$([char]0x201A)`$(New-Item $marker)$([char]0x201A)"
            "Zed$([char]0x201B) | New-Item $marker #"
            "Zed' + `$(New-Item $marker) + '"
        )
        foreach ($name in $names) {
            New-FtCustomerPlan -TenantId ([guid]::NewGuid()) -Customer $name -PrimaryDomain $name -Workspace $ws | Out-Null
        }
    }

    AfterEach {
        Remove-Item $root -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'completes <Parameter> to lines that find each customer and create nothing' -ForEach @(
        @{ Parameter = 'Customer'; Typed = 'Zed' }
        @{ Parameter = 'Customer'; Typed = "$([char]0x2019)Zed" }
        @{ Parameter = 'Domain'; Typed = "$([char]0x2018)Zed" }
    ) {
        $line = "Get-FtCustomerPlan -Workspace '$ws' -$Parameter "
        $completions = (TabExpansion2 -inputScript ($line + $Typed) -cursorColumn ($line + $Typed).Length).CompletionMatches.CompletionText
        $completions | Should -HaveCount $names.Count
        $found = foreach ($completion in $completions) {
            try { Invoke-Expression ($line + $completion) } catch { Write-Warning "$line$completion failed: $_" }
            $marker | Should -Not -Exist -Because "$line$completion must pass a name, not run code"
        }
        ($found.Customer | Sort-Object) | Should -Be ($names | Sort-Object)
    }
}
