using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace FastTrack.Core.Graph;

/// <summary>The tenants connected in a session, keyed by tenant id: a partner works on a portfolio, and every
/// command picks the connection of the plan's tenant. An instance, owned by whoever hosts the session (the
/// PowerShell module keeps one per process) and handed to what needs it, so the core never reads a global.</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<Guid, TenantConnection> _connections = new();

    public IReadOnlyList<TenantConnection> All => _connections.Values.OrderBy(c => c.DisplayName ?? c.TenantId.ToString(), StringComparer.OrdinalIgnoreCase).ToList();

    public TenantConnection? Find(Guid tenantId) => _connections.TryGetValue(tenantId, out var connection) ? connection : null;

    /// <summary>The connection of a tenant, or ConnectionNotFound saying which tenants are connected.</summary>
    public TenantConnection Require(Guid tenantId) => Find(tenantId) ?? throw GraphErrors.ConnectionNotFound(tenantId, All).ToException();

    /// <summary>Adds the connection, replacing (and closing) an earlier one of the same tenant.</summary>
    public void Add(TenantConnection connection)
    {
        _connections.AddOrUpdate(connection.TenantId, connection, (_, old) =>
        {
            if (!ReferenceEquals(old, connection)) old.Dispose();
            return connection;
        });
    }

    public bool Remove(Guid tenantId)
    {
        if (!_connections.TryRemove(tenantId, out var connection)) return false;
        connection.Dispose();
        return true;
    }
}
