#Requires -Version 5.1
# Pester 5. Issue 17: in real pwsh, every cmdlet's help agrees with the cmdlet itself. Its syntax and parameter
# attributes are generated from the cmdlets' metadata at build time; these tests hold the result to Get-Command.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $commands = (Get-Command -Module FastTrack.PowerShell).Name
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force

    function Get-PipelineText([bool] $ByValue, [bool] $ByPropertyName) {
        if ($ByValue -and $ByPropertyName) { 'True (ByValue, ByPropertyName)' }
        elseif ($ByValue) { 'True (ByValue)' }
        elseif ($ByPropertyName) { 'True (ByPropertyName)' }
        else { 'False' }
    }

    # One line per parameter of each parameter set, as Get-Command reports it: form number, name, mandatory,
    # position, pipeline input, aliases, and the type as -Syntax writes it.
    function Get-CommandForm([string] $Name) {
        $i = 0
        foreach ($set in (Get-Command $Name).ParameterSets) {
            foreach ($p in $set.Parameters | Where-Object Name -notin ([System.Management.Automation.Cmdlet]::CommonParameters)) {
                $type = [regex]::Match("$set", "-$($p.Name)\]? <([^>]+)>")
                @($i, $p.Name, "$($p.IsMandatory)".ToLower(), $(if ($p.Position -eq [int]::MinValue) { 'named' } else { $p.Position }),
                  (Get-PipelineText $p.ValueFromPipeline $p.ValueFromPipelineByPropertyName),
                  $(if ($p.Aliases.Count) { $p.Aliases -join ', ' } else { 'none' }),
                  $(if ($type.Success) { $type.Groups[1].Value } else { 'switch' })) -join '|'
            }
            $i++
        }
    }

    # The same, as Get-Help's syntax items state it.
    function Get-HelpForm([string] $Name) {
        $i = 0
        foreach ($item in @((Get-Help $Name -Full).Syntax.SyntaxItem)) {
            foreach ($p in @($item.Parameter)) {
                @($i, $p.Name, $p.Required, $p.Position, $p.PipelineInput, $p.Aliases,
                  $(if ($p.ParameterValue) { $p.ParameterValue } else { 'switch' })) -join '|'
            }
            $i++
        }
    }

    function Get-NonEmptyLine([string] $Text) {
        $Text -split "`r?`n" | ForEach-Object Trim | Where-Object { $_ }
    }
}

AfterAll {
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'The help of every cmdlet' {
    It 'shows the syntax Get-Command shows for <_>' -ForEach $commands {
        $shown = Get-NonEmptyLine ((Get-Help $_ -Full).Syntax | Out-String -Width 10000)
        $shown | Should -Be @(Get-NonEmptyLine (Get-Command $_ -Syntax))
    }

    It 'states each form with the parameters and attributes of its parameter set for <_>' -ForEach $commands {
        $expected = @(Get-CommandForm $_ | Sort-Object)
        $expected.Count | Should -BeGreaterThan 0
        @(Get-HelpForm $_ | Sort-Object) | Should -Be $expected
    }

    It 'describes every parameter of <_> with what the cmdlet declares' -ForEach $commands {
        $command = Get-Command $_
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $parameters = @((Get-Help $_ -Full).Parameters.Parameter)
        @($parameters.Name | Sort-Object) | Should -Be @($command.Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object)
        foreach ($p in $parameters) {
            (($p.Description | ForEach-Object Text) -join ' ').Length | Should -BeGreaterThan 10 -Because "-$($p.Name) needs a description"
            $sets = $command.Parameters[$p.Name].ParameterSets
            # Required? is true only when every syntax form needs the parameter.
            $required = ($sets.ContainsKey('__AllParameterSets') -or $sets.Count -eq $command.ParameterSets.Count) -and -not @($sets.Values | Where-Object { -not $_.IsMandatory })
            $p.Required | Should -Be "$required".ToLower() -Because "-$($p.Name) is required only when every form needs it"
            $p.PipelineInput | Should -Be (Get-PipelineText ([bool]@($sets.Values | Where-Object ValueFromPipeline)) ([bool]@($sets.Values | Where-Object ValueFromPipelineByPropertyName)))
        }
    }

    It 'explains every example of <_>' -ForEach $commands {
        $examples = @((Get-Help $_ -Full).Examples.Example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) {
            ($example.Code -join ' ') | Should -Match ([regex]::Escape($_))
            (($example.Remarks | ForEach-Object Text) -join ' ').Trim().Length | Should -BeGreaterThan 30 -Because "$($example.Title.Trim('- ')) must say what it does"
        }
    }

    It 'gives Get-Help -Online a web address for <_>, and names commands in its other links' -ForEach $commands {
        $links = @((Get-Help $_).RelatedLinks.NavigationLink)
        $online = $links[0].Uri
        [uri]::IsWellFormedUriString($online, [UriKind]::Absolute) | Should -BeTrue
        ([uri]$online).Scheme | Should -Be 'https'
        $online | Should -BeExactly ((Get-Module FastTrack.PowerShell).ProjectUri.AbsoluteUri.TrimEnd('/') + '#cmdlets')
        foreach ($link in $links | Select-Object -Skip 1) {
            $link.Uri | Should -BeNullOrEmpty
            if ($link.LinkText -like 'about_*') { Get-Help $link.LinkText -Category HelpFile | Should -Not -BeNullOrEmpty }
            else { Get-Command $link.LinkText -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty -Because "'$($link.LinkText)' must be a command" }
        }
    }
}
