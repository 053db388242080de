<#
.SYNOPSIS
    Runs the README's quick start as a console session would show it: each statement echoed after a prompt,
    then formatted on its own (a table stays a table), in a clean pwsh started by build.ps1 -Task Demo.
.DESCRIPTION
    The quick start is the powershell block after <!-- quickstart --> in README.md. Stops at the first error
    with a non-zero exit code. Progress is silenced: a redirected log gets text, never progress records.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ManifestPath,
    [Parameter(Mandatory)] [string] $ReadmePath
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
# A log gets plain text: no colour escapes when the output is redirected.
if ([Console]::IsOutputRedirected -and $PSVersionTable.PSVersion.Major -ge 7) { $PSStyle.OutputRendering = 'PlainText' }

function Get-QuickStartScript([string] $Path) {
    $readme = Get-Content -Raw -LiteralPath $Path
    $match = [regex]::Match($readme, '<!-- quickstart -->\s*```powershell\s*(?<code>.*?)```', 'Singleline')
    if (-not $match.Success) { throw "$Path has no <!-- quickstart --> powershell block." }
    $match.Groups['code'].Value
}

function Write-Prompt([string] $Text) {
    # The statement as typed at a prompt: PS> for its first line, >> for the lines it continues on.
    $lines = $Text -split "`r?`n"
    Write-Host ('PS> ' + $lines[0])
    foreach ($line in $lines | Select-Object -Skip 1) { Write-Host ('>> ' + $line) }
}

$script = Get-QuickStartScript $ReadmePath
$tokens = $null
$parseErrors = $null
$ast = [System.Management.Automation.Language.Parser]::ParseInput($script, [ref] $tokens, [ref] $parseErrors)
if ($parseErrors) { throw "The quick start does not parse: $($parseErrors[0])" }

Import-Module -Name $ManifestPath
$position = 0
foreach ($statement in $ast.EndBlock.Statements) {
    # The comments above a statement say what it shows: keep them, as a person reading along would.
    $between = $script.Substring($position, $statement.Extent.StartOffset - $position).Trim()
    if ($between) { Write-Host ''; $between -split "`r?`n" | ForEach-Object { Write-Host $_.Trim() } }
    Write-Prompt $statement.Extent.Text
    # Dot-sourced, so variables live on for the next statement; Out-Default per statement, as a console host does.
    . ([scriptblock]::Create($statement.Extent.Text)) | Out-Default
    $position = $statement.Extent.EndOffset
}
