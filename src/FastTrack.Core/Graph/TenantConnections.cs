using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace FastTrack.Core.Graph;

/// <summary>The tenants connected in this process, keyed by tenant id: a partner works on a portfolio,
/// and every cmdlet picks the connection of the plan's tenant.</summary>
public static class TenantConnections
{
    private static readonly ConcurrentDictionary<Guid, TenantConnection> s_connections = new();

    public static IReadOnlyList<TenantConnection> All => s_connections.Values.OrderBy(c => c.DisplayName ?? c.TenantId.ToString(), StringComparer.OrdinalIgnoreCase).ToList();

    public static TenantConnection? Find(Guid tenantId) => s_connections.TryGetValue(tenantId, out var connection) ? connection : null;

    /// <summary>Adds the connection, replacing (and closing) an earlier one of the same tenant.</summary>
    public static void Add(TenantConnection connection)
    {
        s_connections.AddOrUpdate(connection.TenantId, connection, (_, old) =>
        {
            if (!ReferenceEquals(old, connection)) old.Dispose();
            return connection;
        });
    }

    public static bool Remove(Guid tenantId)
    {
        if (!s_connections.TryRemove(tenantId, out var connection)) return false;
        connection.Dispose();
        return true;
    }
}
