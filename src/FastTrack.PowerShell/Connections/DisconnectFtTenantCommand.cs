using System;
using System.Linq;
using System.Management.Automation;
using FastTrack.Core.Graph;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Connections;

/// <summary>Closes connections: the tenants named (or piped in), or all of them.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "FtTenant", SupportsShouldProcess = true, DefaultParameterSetName = "ByTenant")]
[OutputType(typeof(void))]
public sealed class DisconnectFtTenantCommand : FtCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "ByTenant")]
    [ArgumentCompleter(typeof(Completion.ConnectionCompleter))]
    public Guid[] TenantId { get; set; } = Array.Empty<Guid>();

    [Parameter(Mandatory = true, ParameterSetName = "All")]
    public SwitchParameter All { get; set; }

    protected override void ProcessRecord()
    {
        var connections = Context.Connections;
        var targets = All ? connections.All.Select(c => c.TenantId).ToArray() : TenantId;
        foreach (var id in targets)
        {
            var connection = connections.Find(id);
            if (connection is null)
            {
                WriteFtError(GraphErrors.ConnectionNotFound(id, connections.All));
                continue;
            }
            if (ShouldProcess(connection.ToString(), "Disconnect")) connections.Remove(id);
        }
    }
}
