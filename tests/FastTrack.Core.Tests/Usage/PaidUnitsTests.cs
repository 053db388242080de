using System.Text;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;
using FastTrack.Core.Licensing;
using Newtonsoft.Json.Linq;

namespace FastTrack.Core.Tests.Usage;

/// <summary>Paid available units (reading 1): the enabled units of paid subscriptions whose service plans give
/// the service, mapped by Microsoft's licensing reference; free, trial and viral products left out by name; a
/// plan the reference does not place reported, never taken as nothing.</summary>
public sealed class PaidUnitsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Reference(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "graph", name);

    private static JObject Embedded()
    {
        using var stream = typeof(ServicePlanMap).Assembly.GetManifestResourceStream("FastTrack.Core.Licensing.service-plans.json")!;
        return JObject.Parse(new StreamReader(stream).ReadToEnd());
    }

    private static IEnumerable<string[]> Rows(string file)
    {
        using var reader = Sylvan.Data.Csv.CsvDataReader.Create(Reference(file));
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        return rows;
    }

    [Fact]
    public void Every_mapped_plan_and_excluded_product_is_a_row_of_the_licensing_reference()
    {
        var reference = Rows("licensing-service-plan-reference.services.csv").Select(r => (Name: r[3], Id: r[4])).ToHashSet();
        var embedded = Embedded();
        foreach (var plan in embedded["servicePlans"]!.Concat(embedded["notServices"]!))
            Assert.Contains(((string)plan["servicePlanName"]!, (string)plan["servicePlanId"]!), reference);
        var products = Rows("licensing-free-trial-products.csv").Select(r => (r[1], r[2])).ToHashSet();
        foreach (var sku in embedded["excludedSkus"]!)
            Assert.Contains(((string)sku["skuPartNumber"]!, (string)sku["skuId"]!), products);
        // Every plan of the reference's service rows is placed: it gives services, or it is known to give none.
        var placed = embedded["servicePlans"]!.Concat(embedded["notServices"]!).Select(p => (string)p["servicePlanName"]!).ToHashSet();
        Assert.All(reference.Select(r => r.Name).Distinct(), name => Assert.Contains(name, placed));
    }

    [Theory]
    [InlineData("TEAMS_GOV", M365Service.Teams)]                      // Government
    [InlineData("TEAMS_AR_DOD", M365Service.Teams)]
    [InlineData("TeamsEss", M365Service.Teams)]                       // standalone Teams Essentials
    [InlineData("SHAREPOINTENTERPRISE_EDU", M365Service.OneDrive)]    // Education
    [InlineData("YAMMER_EDU", M365Service.Yammer)]
    [InlineData("EXCHANGE_S_ENTERPRISE_GOV", M365Service.OutlookMobile)]
    [InlineData("EXCHANGE_S_ESSENTIALS", M365Service.Exchange)]       // standalone Exchange Online Essentials
    [InlineData("OFFICESUBSCRIPTION_GOV", M365Service.Microsoft365Apps)]
    public void Education_Government_and_standalone_plans_give_their_service(string plan, M365Service service)
    {
        var row = Rows("licensing-service-plan-reference.services.csv").First(r => r[3] == plan);
        var services = ServicePlanMap.Default.ServicesOf(new SkuServicePlan { ServicePlanId = Guid.Parse(row[4]), ServicePlanName = "renamed" });
        Assert.Contains(service, services);
    }

    private const string TeamsHeader = "Report Refresh Date,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Call Count,Meeting Count,Has Other Action,Is Licensed,Report Period";

    private IReadOnlyList<Errors.Outcome<ActiveUsage>> MeasureTeams(int activeUsers, string skus)
    {
        var rows = Enumerable.Range(1, activeUsers).Select(i => $"2026-11-28,user{i}@contoso.com,2026-11-27,False,,Microsoft 365 E3,1,0,0,0,No,Yes,28");
        File.WriteAllText(Path.Combine(_dir.Path, "teams.csv"), string.Join("\r\n", new[] { TeamsHeader }.Concat(rows)) + "\r\n", new UTF8Encoding(true));
        File.WriteAllText(Path.Combine(_dir.Path, "subscribedSkus.json"), "{\"value\":[" + skus + "]}");
        return new ActiveUsageCalculator().Measure(new FolderUsageSource(_dir.Path), new[] { M365Service.Teams }, _ => new UsageGoal(10, null, UsageBasis.PaidUnits));
    }

    private static string Sku(string partNumber, string skuId, int units, params (string Name, string Id)[] plans) =>
        $"{{\"accountId\":\"dcd219dd-bc68-4b9b-bf0b-4a33a796be35\",\"capabilityStatus\":\"Enabled\",\"skuPartNumber\":\"{partNumber}\",\"skuId\":\"{skuId}\"," +
        $"\"prepaidUnits\":{{\"enabled\":{units}}},\"servicePlans\":[" +
        string.Join(",", plans.Select(p => $"{{\"servicePlanId\":\"{p.Id}\",\"servicePlanName\":\"{p.Name}\",\"provisioningStatus\":\"Success\"}}")) + "]}";

    private static readonly (string, string) Teams1 = ("TEAMS1", "57ff2da0-773e-42df-b2af-ffb7a2317929");

    // Issue 14.8: 100 free Teams Exploratory units must not dilute Teams AU.
    [Fact]
    public void Free_trial_and_viral_subscriptions_are_left_out_of_paid_units_and_named()
    {
        var e3 = Sku("SPE_E3", "05e9a617-0261-4cee-bb44-138d3ef5d965", 100, Teams1);
        var exploratory = Sku("TEAMS_EXPLORATORY", "710779e8-3d4a-4c88-adb9-386c958d1fdf", 1000, Teams1);
        var teams = MeasureTeams(20, e3 + "," + exploratory).Single().Value!;
        Assert.Equal(100, teams.Denominator);
        Assert.Equal(20.0, teams.ActiveUsagePercent);   // 20 ÷ 100, not 20 ÷ 1,100 = 1.8%
        Assert.Equal(new[] { "TEAMS_EXPLORATORY (1000 units)" }, teams.ExcludedSkus);
    }

    [Fact]
    public void A_service_no_known_plan_gives_is_an_error_that_names_the_unknown_plans_never_zero()
    {
        var result = MeasureTeams(20, Sku("TEAMS_NEW_SKU_2027", "11111111-2222-3333-4444-555555555555", 500, ("TEAMS_2027", "99999999-8888-7777-6666-555555555555")));
        var error = Assert.Single(result).Error!;
        Assert.Equal("NoPaidUnits", error.ErrorId);
        Assert.Contains("TEAMS_2027 (99999999-8888-7777-6666-555555555555) in TEAMS_NEW_SKU_2027", error.Message);
        Assert.Contains("-Basis LicensedUsers", error.Message);
    }

    [Fact]
    public void An_unknown_plan_beside_known_ones_is_reported_with_the_result()
    {
        var e3 = Sku("SPE_E3", "05e9a617-0261-4cee-bb44-138d3ef5d965", 100, Teams1, ("TEAMS_2027", "99999999-8888-7777-6666-555555555555"), ("EXCHANGE_S_FOUNDATION", "113feb6c-3fe4-4440-bddc-54d774bf0318"));
        var teams = MeasureTeams(20, e3).Single().Value!;
        Assert.Equal(100, teams.Denominator);
        Assert.Equal(new[] { "TEAMS_2027 (99999999-8888-7777-6666-555555555555) in SPE_E3" }, teams.UnknownServicePlans);   // the foundation plan is known to give nothing
    }
}
