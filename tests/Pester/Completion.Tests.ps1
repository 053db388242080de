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

# Issue 17: every parameter that has values completes them, from the catalogue or from the workspace the command
# line names; a tenant's blockers and check-ins come with their text, never a list of files.
Describe 'Completion of every parameter that has values' {
    BeforeAll {
        $script:ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
        $script:t = '7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b'
        # The admin's workspace, as a scheduled job or a profile sets it: commands without -Workspace (Connect-FtTenant) use it too.
        $script:savedWorkspace = $env:FASTTRACK_WORKSPACE
        $env:FASTTRACK_WORKSPACE = $ws
        New-FtCustomerPlan -TenantId $t -Customer Contoso -PrimaryDomain contoso.com -IntendedService Teams, OneDrive -Workspace $ws | Out-Null
        Add-FtBlocker -TenantId $t -Service Teams -Description 'Proxy blocks Teams media' -Workspace $ws
        Set-FtSuccessMetric -TenantId $t -Name 'Meetings per user' -Target 4 -Workspace $ws
        New-FtCheckInSchedule -TenantId $t -EveryDays 14 -Until (Get-Date).AddDays(20) -Workspace $ws -Confirm:$false
        Connect-FtTenant -Sample
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        # Parameters whose values a user picks from a set: a completer, a ValidateSet, or an enum.
        $script:withValues = foreach ($command in Get-Command -Module FastTrack.PowerShell) {
            foreach ($p in $command.Parameters.Values | Where-Object Name -NotIn $common) {
                $type = if ($p.ParameterType.IsArray) { $p.ParameterType.GetElementType() } else { [Nullable]::GetUnderlyingType($p.ParameterType) ?? $p.ParameterType }
                if ($p.Attributes.Where({ $_ -is [System.Management.Automation.ArgumentCompleterAttribute] -or $_ -is [System.Management.Automation.ValidateSetAttribute] }) -or $type.IsEnum) {
                    [pscustomobject]@{ Command = $command.Name; Parameter = $p.Name }
                }
            }
        }
    }

    AfterAll {
        Disconnect-FtTenant -All -ErrorAction SilentlyContinue
        $env:FASTTRACK_WORKSPACE = $savedWorkspace
        Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'finds the parameters that have values' {
        $withValues.Count | Should -BeGreaterThan 30
    }

    It 'completes each of them with values, not file names' {
        $empty = foreach ($entry in $withValues) {
            $line = "$($entry.Command) -TenantId $t -$($entry.Parameter) "
            if ($entry.Parameter -eq 'TenantId') { $line = "$($entry.Command) -TenantId " }
            $results = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            if (-not $results -or $results.ResultType -contains 'ProviderItem' -or $results.ResultType -contains 'ProviderContainer') { "$($entry.Command) -$($entry.Parameter)" }
        }
        $empty | Should -BeNullOrEmpty -Because 'every parameter with values completes them'
    }

    It 'completes -Culture with the playbook''s cultures' {
        $line = 'Get-FtNextAction -Culture es'
        $results = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $results.CompletionText | Should -Contain 'es-ES'
        ($results | Where-Object CompletionText -eq 'es-ES').ToolTip | Should -Match 'español'
    }

    It 'completes Resolve-FtBlocker -Id with the open blockers and their text' {
        $line = "Resolve-FtBlocker -Workspace '$ws' -TenantId $t -Id "
        $results = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $results.CompletionText | Should -Be '1'
        $results.ToolTip | Should -Be 'Proxy blocks Teams media'
        $results.ListItemText | Should -Be '1 Proxy blocks Teams media'
    }

    It 'completes Set-FtCheckIn -Id with the check-ins and their dates' {
        $line = "Set-FtCheckIn -Workspace '$ws' -TenantId $t -Id "
        $results = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $results.CompletionText | Should -Contain '1'
        $results[0].ToolTip | Should -Match '^\d{4}-\d\d-\d\d \d\d:\d\d Planned$'
    }
}
