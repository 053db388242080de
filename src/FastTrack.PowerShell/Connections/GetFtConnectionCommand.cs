using System;
using System.Linq;
using System.Management.Automation;
using FastTrack.Core.Graph;
using FastTrack.PowerShell.Infrastructure;

namespace FastTrack.PowerShell.Connections;

/// <summary>The tenants connected in this session.</summary>
[Cmdlet(VerbsCommon.Get, "FtConnection")]
[OutputType(typeof(TenantConnection))]
public sealed class GetFtConnectionCommand : FtCmdlet
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completion.ConnectionCompleter))]
    public Guid[]? TenantId { get; set; }

    protected override void ProcessRecord()
    {
        if (TenantId is null)
        {
            WriteObject(TenantConnections.All, enumerateCollection: true);
            return;
        }
        foreach (var id in TenantId)
        {
            if (TenantConnections.Find(id) is { } connection) WriteObject(connection);
            else WriteFtError(new Core.Errors.FtError("ConnectionNotFound", Core.Errors.FtErrorKind.ObjectNotFound, id,
                $"Tenant {id} is not connected in this session. Connected: {(TenantConnections.All.Count == 0 ? "none" : string.Join(", ", TenantConnections.All.Select(c => c.TenantId)))}."));
        }
    }
}
