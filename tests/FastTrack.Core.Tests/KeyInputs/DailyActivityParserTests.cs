using FastTrack.Core.Errors;
using FastTrack.Core.KeyInputs;
using FastTrack.Core.Playbook;
using FastTrack.Core.Sample;

namespace FastTrack.Core.Tests.KeyInputs;

/// <summary>getOffice365ActiveUserCounts (D180) and GET /organization as Graph serves them, and refused by name
/// when a day, a count or a plan cannot be read.</summary>
public sealed class DailyActivityParserTests
{
    private static readonly string Reference = File.ReadAllText(TestData.Path("graph", "getOffice365ActiveUserCounts.example-cli-m365.csv"));

    [Fact]
    public void The_documented_example_row_is_read()
    {
        var activity = DailyActivityParser.Parse(Reference, "example");
        Assert.Equal(new DateTime(2022, 10, 19), activity.FirstDay);
        Assert.Equal(new DateTime(2022, 10, 19), activity.FirstActive[M365Service.Teams]);
        Assert.True(activity.InUseBefore(M365Service.Yammer));
        Assert.Null(activity.FirstUse(M365Service.Teams)); // one day: nothing before it, so no start seen
    }

    [Theory]
    [InlineData("2026-06-04,1,x,0,0,0,0,0,2026-06-04,180", "line 2: 'x' is not a count of users")]
    [InlineData("2026-06-04,1,0,0,0,0,0,0,06/04/2026,180", "line 2: '06/04/2026' in 'Report Date' is not a date")]
    public void A_value_it_cannot_read_is_refused_by_line(string row, string expected)
    {
        var header = Reference.Split('\n')[0].TrimEnd('\r');
        var error = Assert.Throws<FtException>(() => DailyActivityParser.Parse(header + "\n" + row + "\n", "counts.csv"));
        Assert.Equal(nameof(KeyInputErrors.ActiveUserCountsUnreadable), error.Error.ErrorId);
        Assert.Contains("'counts.csv', " + expected, error.Message);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var error = Assert.Throws<FtException>(() => DailyActivityParser.Parse("Report Refresh Date,Exchange,Report Date\n2026-06-04,1,2026-06-04\n", "counts.csv"));
        Assert.Contains("the column 'OneDrive' is missing", error.Message);
    }

    [Fact]
    public void The_sample_counts_agree_with_its_detail_reports_day_by_day()
    {
        var tenant = new SampleTenant(new SampleTenantOptions { Users = 100 });
        var lines = tenant.ActiveUserCountsCsv().TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Reference.Split('\n')[0].TrimEnd('\r').TrimStart('\uFEFF'), lines[0]);
        Assert.Equal(181, lines.Length); // D180: one row a day, newest first
        Assert.StartsWith($"{tenant.Options.LastDay:yyyy-MM-dd}", lines[1].Split(',')[8]);
        var activity = DailyActivityParser.Parse(tenant.ActiveUserCountsCsv(), "sample");
        Assert.Equal(tenant.Options.LastDay.AddDays(-179), activity.FirstDay);
    }

    [Fact]
    public void Assigned_plans_are_read_from_the_organization_and_an_entry_without_a_date_is_refused()
    {
        var tenant = new SampleTenant(new SampleTenantOptions { Users = 10 });
        var plans = AssignedPlansParser.Parse(tenant.OrganizationJson(), "org");
        Assert.NotEmpty(plans);
        Assert.All(plans, p => Assert.True(p.IsEnabled && p.AssignedOn < tenant.Options.FirstDay));

        var error = Assert.Throws<FtException>(() => AssignedPlansParser.Parse(
            """{"value":[{"assignedPlans":[{"servicePlanId":"57ff2da0-773e-42df-b2af-ffb7a2317929","capabilityStatus":"Enabled","service":"TeamspaceAPI"}]}]}""", "org"));
        Assert.Contains("assignedPlans[0] (57ff2da0-773e-42df-b2af-ffb7a2317929) has no assignedDateTime", error.Message);
    }
}
