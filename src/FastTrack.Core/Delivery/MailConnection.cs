using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Core.Connections;
using FastTrack.Core.Graph;

namespace FastTrack.Core.Delivery;

/// <summary>Which connection sends a digest mail: the partner's own tenant, which holds the -From mailbox, not a
/// customer's. Named with -Connection (tenant id, default domain or display name); else the live connection
/// whose default domain is the mailbox's domain; else the only live connection. Never a guess among several.</summary>
public static class MailConnection
{
    public static TenantConnection Choose(ConnectionRegistry registry, string? name, string from)
    {
        var live = registry.All.Where(c => c.Method != ConnectionMethod.Sample).ToList();
        if (!string.IsNullOrWhiteSpace(name))
        {
            return live.FirstOrDefault(c => Names(c).Any(n => string.Equals(n, name!.Trim(), StringComparison.OrdinalIgnoreCase)))
                ?? throw DeliveryErrors.MailConnectionNotFound(name!, registry.All).ToException();
        }
        if (live.Count == 0) throw DeliveryErrors.MailConnectionMissing(from).ToException();
        var domain = from.Substring(from.LastIndexOf('@') + 1);
        var byDomain = live.Where(c => string.Equals(c.DefaultDomain, domain, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byDomain.Count == 1) return byDomain[0];
        return live.Count == 1 ? live[0] : throw DeliveryErrors.MailConnectionAmbiguous(from, live).ToException();
    }

    private static IEnumerable<string?> Names(TenantConnection c) => new[] { c.TenantId.ToString(), c.DefaultDomain, c.DisplayName };
}
