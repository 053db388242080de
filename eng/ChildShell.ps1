# How to start a child PowerShell of the same kind as the running one, whatever installed it.
# Dot-sourced by build.ps1 and the Pester tests.
#
# Why not (Get-Process -Id $PID).Path: when pwsh is the .NET global or local tool, the process is `dotnet`
# running pwsh.dll, so relaunching the process path starts `dotnet` with pwsh's arguments. The running
# engine's own location ($PSHOME) is what identifies this PowerShell.

function Get-ChildShellCommand {
    <#
    .SYNOPSIS
        The program and the leading arguments that start this PowerShell again: @{ FilePath; Arguments }.
    #>
    [CmdletBinding()]
    param()

    if ($PSVersionTable.PSEdition -eq 'Desktop') {
        return @{ FilePath = Join-Path $PSHOME 'powershell.exe'; Arguments = @() }
    }
    $process = [Environment]::ProcessPath
    $processName = [IO.Path]::GetFileNameWithoutExtension($process)
    if ($processName -eq 'pwsh') {
        # A native install (or the tool's apphost): the process is pwsh itself.
        return @{ FilePath = $process; Arguments = @() }
    }
    # The .NET tool (or any host running the engine on the shared runtime): pwsh.dll beside the engine,
    # run by the same dotnet muxer.
    $entry = Join-Path $PSHOME 'pwsh.dll'
    if (-not (Test-Path -LiteralPath $entry)) { throw "Cannot start a child PowerShell: $entry does not exist." }
    $dotnet = if ($processName -eq 'dotnet') { $process } else { (Get-Command dotnet -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source }
    @{ FilePath = $dotnet; Arguments = @($entry) }
}

function Invoke-ChildShell {
    <#
    .SYNOPSIS
        Runs a script in a clean child PowerShell (no profile, non-interactive) and passes its output through.
        Sets $LASTEXITCODE to the child's exit code.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $ScriptPath,
        [string[]] $ArgumentList = @()
    )
    $shell = Get-ChildShellCommand
    # -File, not -EncodedCommand: an encoded command makes the child answer in CLIXML on redirected streams.
    $arguments = @($shell.Arguments) + @('-NoLogo', '-NoProfile', '-NonInteractive', '-OutputFormat', 'Text', '-File', $ScriptPath) + $ArgumentList
    & $shell.FilePath @arguments
}
