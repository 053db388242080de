using System;
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
            WriteObject(Context.Connections.All, enumerateCollection: true);
            return;
        }
        foreach (var id in TenantId)
        {
            if (Context.Connections.Find(id) is { } connection) WriteObject(connection);
            else WriteFtError(GraphErrors.ConnectionNotFound(id, Context.Connections.All));
        }
    }
}
