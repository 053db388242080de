using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;

namespace FastTrack.Core.Tests.Usage;

/// <summary>A user is one row of a report, a column one name of its header: a repeat is refused by name,
/// never counted twice or read from the wrong column (issue 15, finding 3). Concealed names repeat by design.</summary>
public sealed class DuplicateRowsTests : IDisposable
{
    private readonly ReportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly string ActivationsHeader = File.ReadLines(TestData.Path("graph", "getOffice365ActivationsUserDetail.csv")).First();
    private static readonly string AppsHeader = File.ReadLines(TestData.Path("graph", "getM365AppUserDetail.csv")).First();

    [Fact]
    public void A_user_listed_twice_is_refused_naming_the_file_and_both_lines()
    {
        _folder.Write("teams.csv", ReportFolder.TeamsHeader,
            ReportFolder.TeamsRow("ana@contoso.com"), ReportFolder.TeamsRow("ben@contoso.com"), ReportFolder.TeamsRow("Ana@Contoso.com", lastActivity: "2024-03-01"));
        var error = _folder.Refusal(M365Service.Teams);
        Assert.Equal("ReportUserDuplicated", error.ErrorId);
        Assert.Contains("teams.csv", error.Message);
        Assert.Contains("'Ana@Contoso.com' twice, on line 2 and line 4", error.Message);
    }

    [Fact]
    public void Rows_piped_in_twice_are_refused_naming_both_rows()
    {
        var rows = new[] { "ana@contoso.com", "ben@contoso.com", "ana@contoso.com" }.Select(u => TeamsRow(u)).ToList();
        var error = Assert.Throws<FtException>(() => ActiveUsageCalculator.ScanRows(rows[0], rows.Skip(1), "the report rows piped in")).Error;
        Assert.Equal("ReportUserDuplicated", error.ErrorId);
        Assert.Contains("on row 1 and row 3", error.Message);
    }

    [Fact]
    public void A_deleted_user_may_share_the_name_of_a_live_one()
    {
        // Deleted, then created again with the same name: both rows are real, the deleted one is not counted.
        _folder.Write("teams.csv", ReportFolder.TeamsHeader,
            ReportFolder.TeamsRow("ana@contoso.com", deleted: "True"), ReportFolder.TeamsRow("ana@contoso.com"), ReportFolder.TeamsRow("ana@contoso.com", deleted: "True"));
        var teams = Assert.Single(_folder.Measure(M365Service.Teams)).Value!;
        Assert.Equal(1, teams.ActiveUsers);
        Assert.Equal(1, teams.Denominator);
    }

    [Fact]
    public void Concealed_names_that_repeat_are_counted_not_refused()
    {
        _folder.Write("teams.csv", ReportFolder.TeamsHeader,
            ReportFolder.TeamsRow("(Unknown)"), ReportFolder.TeamsRow("(Unknown)"),
            ReportFolder.TeamsRow("6E55A185B405B6F2A6804BB7897C8AAB"), ReportFolder.TeamsRow("6E55A185B405B6F2A6804BB7897C8AAB", lastActivity: "2024-01-01"));
        var teams = Assert.Single(_folder.Measure(M365Service.Teams)).Value!;
        Assert.True(teams.ConcealedNames);
        Assert.Equal(3, teams.ActiveUsers);
        Assert.Equal(4, teams.Denominator);
    }

    [Fact]
    public void A_column_named_twice_is_refused_naming_it()
    {
        // The engine read the first 'Last Activity Date', here the wrong one.
        _folder.Write("teams.csv", "Last Activity Date," + ReportFolder.TeamsHeader, "2023-01-01," + ReportFolder.TeamsRow("ana@contoso.com"));
        var error = _folder.Refusal(M365Service.Teams);
        Assert.Equal("ReportColumnDuplicated", error.ErrorId);
        Assert.Contains("two columns named 'Last Activity Date' (columns 1 and 5)", error.Message);
        Assert.Contains("teams.csv", error.Message);
    }

    [Fact]
    public void Properties_that_trim_to_the_same_name_are_refused()
    {
        var row = TeamsRow("ana@contoso.com");
        row["Is Deleted "] = "True";
        var error = Assert.Throws<FtException>(() => ActiveUsageCalculator.ScanRows(row, Array.Empty<IReadOnlyDictionary<string, string?>>(), "the report rows piped in")).Error;
        Assert.Equal("ReportColumnDuplicated", error.ErrorId);
        Assert.Contains("'Is Deleted'", error.Message);
    }

    [Fact]
    public void Nameless_columns_are_no_duplicate()
    {
        _folder.Write("teams.csv", "," + ReportFolder.TeamsHeader + ",", "," + ReportFolder.TeamsRow("ana@contoso.com") + ",");
        Assert.Equal(1, Assert.Single(_folder.Measure(M365Service.Teams)).Value!.ActiveUsers);
    }

    [Fact]
    public void A_user_with_Apps_for_enterprise_and_for_business_is_one_licensed_user()
    {
        _folder.Write("activations.csv", ActivationsHeader,
            "2024-03-31,ana@contoso.com,Ana,MICROSOFT 365 APPS FOR ENTERPRISE,2024-01-10,1,0,0,0,0,False",
            "2024-03-31,ana@contoso.com,Ana,MICROSOFT 365 APPS FOR BUSINESS,2024-01-10,1,0,0,0,0,False",
            "2024-03-31,ana@contoso.com,Ana,VISIO,2024-01-10,1,0,0,0,0,False",
            "2024-03-31,ben@contoso.com,Ben,MICROSOFT 365 APPS FOR ENTERPRISE,2024-01-10,1,0,0,0,0,False");
        _folder.Write("apps.csv", AppsHeader,
            "2024-03-31,ana@contoso.com,2024-01-10,2024-03-30,28" + string.Concat(Enumerable.Repeat(",Yes", 34)),
            "2024-03-31,ben@contoso.com,2024-01-10,2024-01-30,28" + string.Concat(Enumerable.Repeat(",No", 34)));
        var apps = Assert.Single(_folder.Measure(M365Service.Microsoft365Apps)).Value!;
        Assert.Equal(2, apps.Denominator); // ana and ben, not three rows
        Assert.Equal(1, apps.ActiveUsers);
    }

    [Fact]
    public void The_same_product_twice_for_a_user_is_refused()
    {
        _folder.Write("activations.csv", ActivationsHeader,
            "2024-03-31,ana@contoso.com,Ana,MICROSOFT 365 APPS FOR ENTERPRISE,2024-01-10,1,0,0,0,0,False",
            "2024-03-31,ana@contoso.com,Ana,MICROSOFT 365 APPS FOR ENTERPRISE,2024-01-10,1,0,0,0,0,False");
        _folder.Write("apps.csv", AppsHeader, "2024-03-31,ana@contoso.com,2024-01-10,2024-03-30,28" + string.Concat(Enumerable.Repeat(",Yes", 34)));
        var error = _folder.Refusal(M365Service.Microsoft365Apps);
        Assert.Equal("ReportUserDuplicated", error.ErrorId);
        Assert.Contains("'ana@contoso.com' with MICROSOFT 365 APPS FOR ENTERPRISE twice, on line 2 and line 3", error.Message);
    }

    private static Dictionary<string, string?> TeamsRow(string upn) =>
        ReportFolder.TeamsHeader.Split(',').Zip(ReportFolder.TeamsRow(upn).Split(','), (h, v) => (h, v))
            .ToDictionary(p => p.h, p => (string?)p.v, StringComparer.OrdinalIgnoreCase);
}
