using System.Globalization;
using FastTrack.Core.Sample;

namespace FastTrack.GraphEmulator;

/// <summary>The tenants of a partner's portfolio, served by one emulator (benchmarks): tenant i has a fixed id,
/// name, domain and token, so the program serving them and the one connecting to them agree without talking.</summary>
public static class Portfolio
{
    public static SampleTenantOptions Tenant(int index, int users, DateTime lastDay) => new()
    {
        Seed = 1000 + index,
        Users = users,
        LastDay = lastDay,
        TenantId = TenantId(index),
        Customer = "Portfolio " + index.ToString("0000", CultureInfo.InvariantCulture),
        Domain = $"portfolio{index.ToString("0000", CultureInfo.InvariantCulture)}.example.com",
    };

    public static Guid TenantId(int index) => new(index, 0x4654, 0x2018, 0x9a, 0x1e, 0x2f, 0x5c, 0x7d, 0x9b, 0x0e, 0x13);

    public static string Token(string prefix, int index) => prefix + "-" + index.ToString("0000", CultureInfo.InvariantCulture);
}
