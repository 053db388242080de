using System.Text;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;
using FastTrack.Core.Usage.People;

namespace FastTrack.Core.Tests.Usage;

/// <summary>Cohorts counted by hand from a small Teams report on disk.</summary>
public sealed class CohortMeasurementTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public CohortMeasurementTests() =>
        File.WriteAllText(Path.Combine(_dir.Path, "teams.csv"),
            "Report Refresh Date,User Principal Name,Last Activity Date,Is Deleted,Team Chat Message Count,Private Chat Message Count,Is Licensed\r\n" +
            "2024-03-31,ana@contoso.com,2024-03-30,False,1,0,Yes\r\n" +   // active
            "2024-03-31,ben@contoso.com,2024-02-01,False,0,0,Yes\r\n" +   // licensed, inactive
            "2024-03-31,cy@contoso.com,2024-03-30,False,0,0,No\r\n" +     // not licensed
            "2024-03-31,dee@contoso.com,2024-03-30,True,0,0,Yes\r\n" +    // deleted ...
            "2024-03-31,dee@contoso.com,2024-03-29,False,2,0,Yes\r\n",    // ... and back again: the live row wins
            new UTF8Encoding(true));

    public void Dispose() => _dir.Dispose();

    private IReadOnlyList<CohortUsage> Measure(params CohortMember[] members) =>
        CohortMeasurement.Measure(new FolderUsageSource(_dir.Path), members, new[] { M365Service.Teams }, null, _ => 10);

    [Fact]
    public void Groups_are_counted_over_their_licensed_members_and_the_rest_is_explained()
    {
        var rows = Measure(new("ANA@contoso.com", "Sales"), new("ben@contoso.com", "Sales"), new("cy@contoso.com", "Sales"),
            new("dee@contoso.com", "Finance"), new("zed@contoso.com", "Finance"), new("ana@contoso.com", "Sales"));
        var finance = rows.Single(r => r.Group == "Finance");
        var sales = rows.Single(r => r.Group == "Sales");
        Assert.Equal((3, 2, 1, 50.0), (sales.Members, sales.Licensed, sales.Active, sales.ActiveUsagePercent!.Value)); // ana counted once
        Assert.Equal(AbsenceReason.NotLicensed, Assert.Single(sales.Absent).Reason);
        Assert.Equal((2, 1, 1, 100.0), (finance.Members, finance.Licensed, finance.Active, finance.ActiveUsagePercent!.Value));
        Assert.Equal("zed@contoso.com", Assert.Single(finance.Absent, a => a.Reason == AbsenceReason.NotInReport).Identity);
        Assert.Equal(new DateTime(2024, 3, 31), sales.AsOf);
    }

    [Fact]
    public void People_are_listed_with_licence_last_activity_and_days_since()
    {
        var people = new List<UserActivity>();
        UserActivityReader.Read(new FolderUsageSource(_dir.Path), new[] { M365Service.Teams }, null, people.Add);
        var ben = people.Single(p => p.UserPrincipalName == "ben@contoso.com");
        Assert.Equal((true, false, 59), (ben.IsLicensed, ben.ActiveInWindow, ben.DaysSinceActivity!.Value));
        Assert.True(people.Single(p => p.UserPrincipalName == "dee@contoso.com" && p.IsDeleted).IsDeleted);
        Assert.False(people.Single(p => p.UserPrincipalName == "cy@contoso.com").IsLicensed);
    }
}
