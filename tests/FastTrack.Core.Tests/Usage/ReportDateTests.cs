using FastTrack.Core.Playbook;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Tests.Usage;

/// <summary>Report dates are ISO 8601 (yyyy-MM-dd in every CSV, a full timestamp in beta JSON): anything a
/// culture would have to guess is refused with the file, the line and the column (issue 15, finding 1).</summary>
public sealed class ReportDateTests : IDisposable
{
    private readonly ReportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("12/11/2026")] // 12 November or 11 December: it was read month-first
    [InlineData("1/2/3")]      // read as 2003-01-02
    [InlineData("31/03/2024")]
    [InlineData("2024-3-30")]
    [InlineData("30 March 2024")]
    [InlineData("2024-03-30 10:00")]
    [InlineData("2024-03-30abc")]
    public void A_date_not_in_ISO_form_is_refused_naming_file_line_and_column(string date)
    {
        _folder.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com"), ReportFolder.TeamsRow("ben@contoso.com", lastActivity: date));
        var error = _folder.Refusal(M365Service.Teams);
        Assert.Equal("ReportDateInvalid", error.ErrorId);
        Assert.Contains("Line 3 of '", error.Message);
        Assert.Contains("teams.csv", error.Message);
        Assert.Contains("column 'Last Activity Date'", error.Message);
        Assert.Contains(date, error.Message);
    }

    [Theory]
    [InlineData("0000-01-01")] // DateTime.DaysInMonth(0, 1) threw ArgumentOutOfRangeException
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-04-31")]
    [InlineData("9999-12-31T23:00:00-05:00")] // past DateTime.MaxValue in UTC
    [InlineData("0001-01-01T00:00:00+01:00")] // before DateTime.MinValue in UTC
    public void A_day_no_calendar_has_is_an_error_not_an_exception(string date)
    {
        _folder.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com", lastActivity: date));
        Assert.Equal("ReportDateInvalid", _folder.Refusal(M365Service.Teams).ErrorId);
    }

    [Theory]
    [InlineData("0000-01-01", "2024-03-30")]
    [InlineData("0001-01-01", "2024-03-30")] // the window would start before DateTime.MinValue
    [InlineData("1900-03-31", "1900-03-30")]
    [InlineData("9999-12-31", "9999-12-30")]
    public void A_refresh_date_no_report_can_have_is_refused(string refresh, string lastActivity)
    {
        _folder.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com", lastActivity, refresh: refresh));
        var error = _folder.Refusal(M365Service.Teams);
        Assert.Equal("ReportDateInvalid", error.ErrorId);
        Assert.Contains("Report Refresh Date", error.Message);
    }

    [Fact]
    public void A_refresh_date_after_today_is_refused()
    {
        var tomorrowButOne = DateTime.UtcNow.Date.AddDays(2).ToString("yyyy-MM-dd");
        _folder.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com", tomorrowButOne, refresh: tomorrowButOne));
        var error = _folder.Refusal(M365Service.Teams);
        Assert.Equal("ReportDateInvalid", error.ErrorId);
        Assert.Contains("after today", error.Message);
    }

    [Theory]
    [InlineData("2024-03-30", 2024, 3, 30)]
    [InlineData("2021-10-25T00:00:00Z", 2021, 10, 25)]          // the beta JSON's form since 2021-11
    [InlineData("2021-10-25T00:00:00.0000000Z", 2021, 10, 25)]
    [InlineData("2021-10-25T01:30:00+02:00", 2021, 10, 24)]     // its UTC day, as Graph means it
    [InlineData("2021-10-25T00:00:00", 2021, 10, 25)]
    public void ISO_dates_and_timestamps_are_read(string text, int year, int month, int day)
    {
        Assert.Equal(new DateTime(year, month, day), ReportValues.ParseDate(text));
        Assert.Equal(new DateTime(year, month, day), ReportValues.ParseDate(text.AsSpan()));
    }

    [Fact]
    public void A_bad_refresh_date_in_the_first_row_does_not_hide_behind_the_folder_scan()
    {
        // The folder scan reads the first row's refresh date only to compare exports; the scanner refuses it.
        _folder.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com", refresh: "03/31/2024"));
        var error = _folder.Refusal(M365Service.Teams);
        Assert.Equal("ReportDateInvalid", error.ErrorId);
        Assert.Contains("Line 2 of '", error.Message);
        Assert.Contains("column 'Report Refresh Date'", error.Message);
    }
}
