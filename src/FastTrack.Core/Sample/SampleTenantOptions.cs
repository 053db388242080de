using System;

namespace FastTrack.Core.Sample;

/// <summary>The knobs of the synthetic "Contoso" tenant. Same options → byte-identical reports.</summary>
public sealed class SampleTenantOptions
{
    public static readonly Guid ContosoTenantId = Guid.Parse("7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b");

    public int Seed { get; set; } = 2020;
    public int Users { get; set; } = 3000;
    /// <summary>The newest refresh date; the tenant has 180 days of history ending on it.</summary>
    public DateTime LastDay { get; set; } = LastDayBefore(Time.SystemClock.Now);
    public int Days { get; set; } = 180;
    /// <summary>Reports with names concealed, as the admin center's privacy setting does.</summary>
    public bool ConcealedNames { get; set; }
    public Guid TenantId { get; set; } = ContosoTenantId;
    public string Customer { get; set; } = "Contoso";
    public string Domain { get; set; } = "contoso.com";
    /// <summary>Users per page of the Microsoft 365 Copilot report (Graph serves it as JSON pages): Contoso's 300 are 3 pages.</summary>
    public int CopilotPageSize { get; set; } = 100;

    public DateTime FirstDay => LastDay.Date.AddDays(1 - Days);

    /// <summary>The sample as a tenant would look on the clock's day: Graph's reports run two days behind.</summary>
    public static SampleTenantOptions EndingBefore(Func<DateTimeOffset> clock) => new() { LastDay = LastDayBefore(clock) };

    private static DateTime LastDayBefore(Func<DateTimeOffset> clock) => clock().UtcDateTime.Date.AddDays(-2);
}
