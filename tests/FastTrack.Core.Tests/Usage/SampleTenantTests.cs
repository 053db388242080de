using System.Security.Cryptography;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Sample;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Tests.Usage;

/// <summary>The sample tenant is the quick start's data: it must be deterministic, shaped like Graph's
/// reports, and tell the story the playbook needs (one service climbing past 10%, one stuck under it,
/// OneDrive a program candidate).</summary>
public sealed class SampleTenantTests
{
    private static readonly DateTime LastDay = new(2026, 11, 22);
    private static readonly M365Service[] All = Enum.GetValues<M365Service>();

    private static SampleTenant Tenant(bool concealed = false, int users = 3000, int seed = 2020) =>
        new(new SampleTenantOptions { LastDay = LastDay, ConcealedNames = concealed, Users = users, Seed = seed });

    private static Dictionary<M365Service, ActiveUsage> Measure(SampleTenant tenant, DateTime? asOf = null, UsageBasis basis = UsageBasis.PaidUnits) =>
        new ActiveUsageCalculator().Measure(new SampleUsageSource(tenant), All, _ => new UsageGoal(10, null, basis), asOf)
            .Select(o => o.Value ?? throw o.Error!.ToException()).ToDictionary(u => u.Service);

    private static string Hash(SampleTenant tenant, ReportKind kind)
    {
        using var stream = new MemoryStream();
        tenant.WriteReport(kind, LastDay, stream);
        return Convert.ToHexString(SHA256.HashData(stream.ToArray()));
    }

    [Fact]
    public void The_same_seed_writes_the_same_bytes_and_another_seed_does_not()
    {
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            Assert.Equal(Hash(Tenant(), kind), Hash(Tenant(), kind));
        }
        Assert.NotEqual(Hash(Tenant(), ReportKind.TeamsUserActivityUserDetail), Hash(Tenant(seed: 7), ReportKind.TeamsUserActivityUserDetail));
    }

    [Fact]
    public void Reports_are_written_as_Graph_serves_them_BOM_and_recognisable_header()
    {
        foreach (var kind in Enum.GetValues<ReportKind>())
        {
            using var stream = new MemoryStream();
            Tenant(users: 50).WriteReport(kind, LastDay, stream);
            var bytes = stream.ToArray();
            if (ReportDefinition.For(kind).IsJson)
            {
                Assert.Equal((byte)'{', bytes[0]);                      // Graph's JSON pages: no byte order mark
                continue;
            }
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
            var header = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split('\n')[0];
            Assert.Equal(kind, ReportDefinition.Recognise(header.Split(','))!.Kind);
        }
    }

    [Fact]
    public void The_Teams_header_is_the_real_exports_column_order()
    {
        using var stream = new MemoryStream();
        Tenant(users: 10).WriteReport(ReportKind.TeamsUserActivityUserDetail, LastDay, stream);
        var ours = System.Text.Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').Split('\n')[0];
        var real = File.ReadLines(TestData.Path("graph", "getTeamsUserActivityUserDetail.example-cli-m365.csv")).First().TrimStart('\uFEFF');
        Assert.Equal(real, ours);
    }

    [Fact]
    public void Teams_climbs_past_ten_percent_while_Yammer_stays_under_it_and_OneDrive_is_a_program_candidate()
    {
        var tenant = Tenant();
        var start = Measure(tenant, tenant.Options.FirstDay);
        var end = Measure(tenant);
        Assert.True(start[M365Service.Teams].ActiveUsagePercent < 10, $"Teams starts at {start[M365Service.Teams]}");
        Assert.True(end[M365Service.Teams].ActiveUsagePercent > 20, $"Teams ends at {end[M365Service.Teams]}");
        foreach (var day in new[] { 0, 45, 90, 135, 179 })
        {
            var yammer = Measure(tenant, tenant.Options.FirstDay.AddDays(day))[M365Service.Yammer];
            Assert.InRange(yammer.ActiveUsagePercent!.Value, 3, 9.9);
        }
        Assert.InRange(end[M365Service.OneDrive].ActiveUsagePercent!.Value, 5, 9.9);
        Assert.True(end[M365Service.Exchange].ActiveUsagePercent > 70);
        Assert.Equal(LastDay, end[M365Service.Teams].AsOf);
    }

    [Fact]
    public void Paid_units_are_a_little_above_the_licensed_users_as_tenants_buy_ahead()
    {
        var tenant = Tenant();
        var paid = Measure(tenant)[M365Service.Teams];
        var licensed = Measure(tenant, basis: UsageBasis.LicensedUsers)[M365Service.Teams];
        Assert.Equal(3000, licensed.Denominator);                       // every live user has Teams; deleted ones are left out
        Assert.InRange(paid.Denominator, 3000, 3200);
        Assert.Equal(paid.ActiveUsers, licensed.ActiveUsers);
        var apps = Measure(tenant, basis: UsageBasis.LicensedUsers)[M365Service.Microsoft365Apps];
        Assert.Equal(2700, apps.Denominator);                           // frontline (F3) users have no desktop apps
    }

    [Fact]
    public void The_concealed_variant_gives_the_same_counts_and_raises_the_flag()
    {
        var open = Measure(Tenant());
        var concealed = Measure(Tenant(concealed: true));
        foreach (var service in All)
        {
            Assert.Equal(open[service].ActiveUsers, concealed[service].ActiveUsers);
            Assert.Equal(open[service].Denominator, concealed[service].Denominator);
            Assert.False(open[service].ConcealedNames);
            Assert.True(concealed[service].ConcealedNames);
        }
    }

    [Fact]
    public void Written_to_a_folder_the_sample_measures_the_same_as_in_memory()
    {
        using var dir = new TempDirectory();
        var tenant = Tenant(users: 400);
        tenant.WriteReports(dir.Path, LastDay.AddDays(-30));
        var fromFolder = new ActiveUsageCalculator().Measure(new FolderUsageSource(dir.Path), All, _ => new UsageGoal(10, null, UsageBasis.PaidUnits))
            .Select(o => o.Value!).ToDictionary(u => u.Service);
        var inMemory = Measure(tenant, LastDay.AddDays(-30));
        foreach (var service in All)
        {
            Assert.Equal(inMemory[service].ActiveUsers, fromFolder[service].ActiveUsers);
            Assert.Equal(inMemory[service].Denominator, fromFolder[service].Denominator);
        }
        Assert.Equal(SampleTenantOptions.ContosoTenantId, fromFolder[M365Service.Teams].TenantId);
    }

    [Fact]
    public void A_date_outside_the_180_days_is_refused_with_the_range()
    {
        var error = Assert.Throws<FtException>(() => Measure(Tenant(), LastDay.AddDays(1))).Error;
        Assert.Equal("SampleDateOutOfRange", error.ErrorId);
        Assert.Contains(Tenant().Options.FirstDay.ToString("yyyy-MM-dd"), error.Message);
    }
}
