using System.Text;

namespace FastTrack.PowerShell.Tests;

/// <summary>Users from the modules admins live in, piped in and out: objects shaped exactly as
/// Get-EXOMailbox, Get-User, Get-TeamUser and Get-MgUser return them, measured against the sample tenant.</summary>
public sealed class CohortTests : IClassFixture<ModuleSession>, IDisposable
{
    private const string Sample = "7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b";
    private static readonly string[] First = { "Avery", "Jordan", "Riley", "Casey", "Morgan", "Taylor", "Quinn", "Alex", "Jamie", "Drew", "Sam", "Robin", "Noor", "Lucia", "Mateo", "Aiko", "Priya", "Lars", "Chen", "Amara" };
    private static readonly string[] Last = { "Smith", "Garcia", "Lee", "Patel", "Kim", "Novak", "Silva", "Okafor", "Muller", "Rossi", "Ivanova", "Haddad", "Tanaka", "Nguyen", "Brown", "Lopez", "Cohen", "Jensen", "Ali", "Dubois" };
    private readonly ModuleSession _session;
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));

    public CohortTests(ModuleSession session) => _session = session;

    public void Dispose()
    {
        try { Directory.Delete(_workspace, true); } catch (IOException) { }
    }

    /// <summary>The sample tenant's UPN of user <paramref name="index"/> (3000 live users, then 30 deleted).</summary>
    private static string Upn(int index) => $"{First[index % 20]}.{Last[index / 20 % 20]}.{index:D6}@contoso.com".ToLowerInvariant();

    private ScriptResult Run(string script, params object[] more) => _session.Run(script, new object[] { _workspace }.Concat(more).ToArray());

    // Get-EXOMailbox's shape: UserPrincipalName and PrimarySmtpAddress (no Department); Get-User's adds Department and WindowsLiveID.
    private static string Mailboxes(IEnumerable<int> users, Func<int, string> department) =>
        "@(" + string.Join(",", users.Select(i => $"[pscustomobject]@{{ PSTypeName = 'Deserialized.Microsoft.Exchange.Data.Directory.Management.User'; Name = 'u{i}'; WindowsLiveID = '{Upn(i)}'; UserPrincipalName = '{Upn(i)}'; Department = '{department(i)}'; RecipientType = 'UserMailbox' }}")) + ")";

    [Fact]
    public void Get_User_objects_grouped_by_department_give_one_row_per_group_and_service()
    {
        var users = Mailboxes(Enumerable.Range(0, 40), i => i % 2 == 0 ? "Sales" : "Finance");
        var result = Run($"{users} | Measure-FtActiveUsage -Sample -Service Teams, Yammer -GroupBy Department");
        result.AssertNoErrors();
        Assert.Equal(new[] { "Finance Teams", "Sales Teams", "Finance Yammer", "Sales Yammer" }, result.Output.Select(o => $"{o.Str("Group")} {o.Str("Service")}"));
        Assert.All(result.Output, o => Assert.Equal(20, o.Prop("Members")));
        Assert.All(result.Output, o => Assert.Equal(20, o.Prop("Licensed")));

        // The same numbers, counted from the people list.
        var sales = Enumerable.Range(0, 40).Where(i => i % 2 == 0).Select(Upn).ToHashSet();
        var activeSales = Run("Get-FtUserActivity -Sample -Service Teams | Where-Object ActiveInWindow").Output.Count(u => sales.Contains(u.Str("UserPrincipalName")!));
        Assert.Equal(activeSales, result.Output[1].Prop("Active"));
        Assert.Equal(Math.Round(activeSales * 100.0 / 20, 1), result.Output[1].Prop("ActiveUsagePercent"));
    }

    [Theory]
    [InlineData("[pscustomobject]@{ User = '{0}'; UserId = '8b081ef6-4792-4def-b2c9-c363a1bf41d5'; Name = 'N'; Role = 'member' }")]                 // Get-TeamUser
    [InlineData("[pscustomobject]@{ Id = '8b081ef6-4792-4def-b2c9-c363a1bf41d5'; DisplayName = 'N'; Mail = 'x@contoso.com'; UserPrincipalName = '{0}' }")] // Get-MgUser
    [InlineData("[pscustomobject]@{ PrimarySmtpAddress = '{0}'; Alias = 'n'; RecipientTypeDetails = 'UserMailbox' }")]                               // Get-EXOMailbox (mail = UPN here)
    [InlineData("[pscustomobject]@{ UPN = '{0}'; Department = 'HR' }")]                                                                             // an HR CSV
    [InlineData("'{0}'")]                                                                                                                        // a UPN
    public void Each_modules_user_shape_binds_by_its_identity_property_case_insensitively(string shape)
    {
        var script = "@(" + string.Join(",", Enumerable.Range(100, 10).Select(i => shape.Replace("{0}", Upn(i).ToUpperInvariant()))) + ") | Measure-FtActiveUsage -Sample -Service Exchange";
        var usage = Run(script).Single();
        Assert.Equal(10, usage.Prop("Members"));
        Assert.Equal(10, usage.Prop("Licensed"));
        Assert.Equal(0, usage.Prop("NotInReport"));
    }

    [Fact]
    public void Users_absent_from_the_report_are_counted_with_a_reason()
    {
        var folder = Path.Combine(_workspace, "reports");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "teams.csv"),
            "Report Refresh Date,User Principal Name,Last Activity Date,Is Deleted,Team Chat Message Count,Private Chat Message Count,Is Licensed\r\n" +
            "2024-03-31,ana@contoso.com,2024-03-30,False,3,0,Yes\r\n" +
            "2024-03-31,ben@contoso.com,2024-03-29,False,1,0,No\r\n" +
            "2024-03-31,eve@contoso.com,2024-03-30,True,0,0,Yes\r\n", new UTF8Encoding(true));
        var result = Run("'Ana@Contoso.com', 'ben@contoso.com', 'eve@contoso.com', 'zed@fabrikam.example' | Measure-FtActiveUsage -Path $args[1] -Service Teams -Basis LicensedUsers", folder);
        var usage = Assert.Single(result.Output);
        Assert.Equal((4, 1, 1, 100.0), ((int)usage.Prop("Members")!, (int)usage.Prop("Licensed")!, (int)usage.Prop("Active")!, (double)usage.Prop("ActiveUsagePercent")!));
        var absent = ((System.Collections.IEnumerable)usage.Prop("Absent")!).Cast<object>().Select(a => System.Management.Automation.PSObject.AsPSObject(a))
            .ToDictionary(a => a.Str("Identity")!, a => a.Str("Reason"));
        Assert.Equal("NotLicensed", absent["ben@contoso.com"]);
        Assert.Equal("Deleted", absent["eve@contoso.com"]);
        Assert.Equal("NotInReport", absent["zed@fabrikam.example"]);
        Assert.Contains(result.Warnings, w => w.Contains("3 of 4 users are not counted for Teams: 1 not licensed, 1 deleted, 1 not in the report"));
    }

    [Fact]
    public void Inactive_users_flow_out_to_commands_that_bind_by_User_or_Identity()
    {
        var script = """
            function Add-TeamUser { param([Parameter(Mandatory, ValueFromPipelineByPropertyName)][string]$User, [Parameter(Mandatory)][string]$GroupId) process { "$GroupId <- $User" } }
            function Get-EXOMailbox { param([Parameter(Mandatory, ValueFromPipelineByPropertyName)][string]$Identity) process { "mailbox $Identity" } }
            $inactive = @(Get-FtUserActivity -Sample -Service Teams -Inactive)
            $inactive.Count
            $inactive[0].UserPrincipalName
            $inactive | Where-Object { $_.UserPrincipalName -eq $inactive[0].UserPrincipalName } | Add-TeamUser -GroupId training
            $inactive | Where-Object { $_.UserPrincipalName -eq $inactive[1].UserPrincipalName } | Get-EXOMailbox
            """;
        var output = Run(script);
        output.AssertNoErrors();
        var count = (int)output.Output[0].BaseObject;
        Assert.InRange(count, 1500, 2700); // Teams is at about 30% of 3,000 licensed users
        var first = output.Output[1].ToString();
        Assert.Equal($"training <- {first}", output.Output[2].ToString());
        Assert.StartsWith("mailbox ", output.Output[3].ToString());
        Assert.All(Run("Get-FtUserActivity -Sample -Service Teams -Inactive | Where-Object { $_.ActiveInWindow -or -not $_.IsLicensed -or $_.IsDeleted }").Output, _ => Assert.Fail("an active, unlicensed or deleted user was listed"));
    }

    [Fact]
    public void A_training_list_per_department_is_recorded_against_the_plan()
    {
        Run($"New-FtCustomerPlan -TenantId {Sample} -Customer Contoso -IntendedService Teams -Workspace $args[0] | Out-Null").AssertNoErrors();
        var users = Mailboxes(Enumerable.Range(0, 60), i => i < 30 ? "Sales" : "Finance");
        var lists = Run($"{users} | Get-FtUserActivity -Sample -Service Teams -AsTrainingList -GroupBy Department").Output;
        Assert.Equal(new[] { "Finance", "Sales" }, lists.Select(l => l.Str("Group")));
        Assert.Equal("Inactive Teams users in Finance", lists[0].Str("Audience"));
        Run($"{users} | Get-FtUserActivity -Sample -Service Teams -AsTrainingList -GroupBy Department | Add-FtTraining -TenantId {Sample} -Workspace $args[0]").AssertNoErrors();
        var training = Run($"(Get-FtCustomerPlan -TenantId {Sample} -Workspace $args[0]).Training").Output;
        Assert.Equal(lists.Select(l => l.Prop("Attendees")), training.Select(t => t.Prop("Attendees")));
        Assert.Equal("Teams", training[0].Str("Service"));
    }

    [Fact]
    public void Concealed_names_are_refused_with_how_to_show_them()
    {
        var folder = Path.Combine(_workspace, "concealed");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "teams.csv"),
            "Report Refresh Date,User Principal Name,Last Activity Date,Is Deleted,Team Chat Message Count,Private Chat Message Count,Is Licensed\r\n" +
            "2024-03-31,6E55A185B405B6F2A6804BB7897C8AAB,2024-03-30,False,3,0,Yes\r\n", new UTF8Encoding(true));
        var error = Assert.Single(Run("'ana@contoso.com' | Measure-FtActiveUsage -Path $args[1] -Service Teams -Basis LicensedUsers", folder).Errors);
        Assert.Equal("ConcealedNames,FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("admin/reportSettings", error.Exception.Message);
        Assert.Contains("Display concealed user, group, and site names", error.Exception.Message);
        var listing = Assert.Single(Run("Get-FtUserActivity -Path $args[1] -Service Teams", folder).Errors);
        Assert.Equal("ConcealedNames,FastTrack.PowerShell.Usage.GetFtUserActivityCommand", listing.FullyQualifiedErrorId);
    }

    [Fact]
    public void Cohorts_and_people_display_as_tables()
    {
        var text = _session.Display($"'{Upn(1)}', '{Upn(2)}' | Measure-FtActiveUsage -Sample -Service Teams");
        Assert.Matches(@"Group\s+Service\s+Members\s+Licensed\s+Active\s+AU\s+Met\s+Absent", text);
        Assert.Matches(@"\(all\)\s+Teams\s+2\s+2", text);
        var people = _session.Display($"'{Upn(1)}' | Get-FtUserActivity -Sample -Service Teams");
        Assert.Contains(Upn(1), people);
    }

    // Issue 15: users without an identity, and a -GroupBy property nobody has, are said, never dropped silently.
    [Fact]
    public void Users_without_an_identity_and_a_GroupBy_property_nobody_has_are_said()
    {
        // Get-MgUser -Property Id,Department: no UserPrincipalName among users that have one.
        var mixed = Mailboxes(Enumerable.Range(0, 4), _ => "Sales") + ", @([pscustomobject]@{ Id = '1b2c'; Department = 'Sales' }, [pscustomobject]@{ Id = '3d4e'; Department = 'Sales' })";
        var result = Run($"@({mixed}) | ForEach-Object {{ $_ }} | Measure-FtActiveUsage -Sample -Service Teams");
        Assert.Equal(2, result.Errors.Count(e => e.FullyQualifiedErrorId == "UserIdentityMissing,FastTrack.PowerShell.Usage.MeasureFtActiveUsageCommand"));
        Assert.Equal(4, Assert.Single(result.Output).Prop("Members"));

        var typo = Run($"{Mailboxes(Enumerable.Range(0, 6), _ => "Sales")} | Measure-FtActiveUsage -Sample -Service Teams -GroupBy Departmnt");
        Assert.Contains(typo.Warnings, w => w.Contains("No object piped in has a 'Departmnt' property") && w.Contains("Department"));
        var people = Run($"{Mailboxes(Enumerable.Range(0, 6), _ => "Sales")} | Get-FtUserActivity -Sample -Service Teams -AsTrainingList -GroupBy Departmnt");
        Assert.Contains(people.Warnings, w => w.Contains("No object piped in has a 'Departmnt' property"));
    }
}
