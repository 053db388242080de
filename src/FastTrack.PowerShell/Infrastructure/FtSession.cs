using FastTrack.Core.Graph;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>What the module keeps between commands, for the life of the process: the tenants connected with
/// Connect-FtTenant. Runspaces of one process (ForEach-Object -Parallel, a runbook's jobs) share them, as they
/// share the module's assembly. Cmdlets reach it through their <see cref="InvocationContext"/>.</summary>
internal static class FtSession
{
    public static ConnectionRegistry Connections { get; } = new();
}
