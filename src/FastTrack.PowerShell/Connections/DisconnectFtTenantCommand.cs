using System;
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
        var targets = All ? System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(TenantConnections.All, c => c.TenantId)) : TenantId;
        foreach (var id in targets)
        {
            var connection = TenantConnections.Find(id);
            if (connection is null)
            {
                WriteFtError(new Core.Errors.FtError("ConnectionNotFound", Core.Errors.FtErrorKind.ObjectNotFound, id, $"Tenant {id} is not connected in this session."));
                continue;
            }
            if (ShouldProcess(connection.ToString(), "Disconnect")) TenantConnections.Remove(id);
        }
    }
}
