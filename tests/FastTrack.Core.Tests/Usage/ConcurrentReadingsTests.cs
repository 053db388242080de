using System.Text;
using FastTrack.Core.Errors;
using FastTrack.Core.Licensing;
using FastTrack.Core.Playbook;
using FastTrack.Core.Sample;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Tests.Usage;

/// <summary>Issue 18: a measurement that reads its reports at once, on several threads and in parts, gives what one
/// reading a report at a time gives: the same numbers, the same failed services, the same error that stops it, the
/// outcomes in the same order; and it asks the source for no report the other would not ask for.</summary>
public sealed class ConcurrentReadingsTests : IDisposable
{
    private static readonly DateTime Day = DateTime.UtcNow.Date.AddDays(-3);
    private static readonly ReportKind[] Detail =
    {
        ReportKind.TeamsUserActivityUserDetail, ReportKind.YammerActivityUserDetail, ReportKind.EmailAppUsageUserDetail, ReportKind.OneDriveActivityUserDetail,
        ReportKind.SharePointActivityUserDetail, ReportKind.EmailActivityUserDetail, ReportKind.M365AppUserDetail,
    };
    private static readonly M365Service[] Services = Enum.GetValues<M365Service>();
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private void Write(params ReportKind[] kinds) =>
        new SampleTenant(new SampleTenantOptions { Users = 400, LastDay = Day }).WriteReports(_dir.Path, Day, kinds);

    private string File(ReportKind kind) => Path.Combine(_dir.Path, ReportDefinition.For(kind).GraphFunction + ".csv");

    private void EditRow(ReportKind kind, int row, Func<string, string> edit)
    {
        var lines = System.IO.File.ReadAllLines(File(kind));
        lines[row] = edit(lines[row]);
        System.IO.File.WriteAllLines(File(kind), lines, new UTF8Encoding(true));
    }

    /// <summary>The measurement, one report at a time and then at once (three readers, parts of a few KB), as text.</summary>
    private (string OneAtATime, string AtOnce, List<ReportKind> OpenedOne, List<ReportKind> OpenedAtOnce) Both(UsageBasis basis, DateTime? asOf = null,
        ReportKind? failing = null, bool raw = false, params M365Service[] services)
    {
        IUsageDataSource Source() => raw ? new RawFolder(_dir.Path) : new FolderUsageSource(_dir.Path);
        var one = new RecordingSource(Source(), failing);
        var atOnce = new RecordingSource(Source(), failing);
        return (Run(one, 1, basis, asOf, services), Run(atOnce, 3, basis, asOf, services), one.Opened, atOnce.Opened);
    }

    private static string Run(IUsageDataSource source, int readers, UsageBasis basis, DateTime? asOf, M365Service[] services)
    {
        try
        {
            var calculator = new ActiveUsageCalculator { Readers = readers, PartBytes = 3000 };
            return string.Join("\n", calculator.Measure(source, services.Length > 0 ? services : Services, _ => new UsageGoal(10, 5, basis), asOf).Select(o => o.Succeeded
                ? $"{o.Value!.Service} {o.Value.ActiveUsers}/{o.Value.Denominator} {o.Value.ActiveUsagePercent}% as of {o.Value.AsOf:yyyy-MM-dd} from {o.Value.Report} " +
                  $"concealed {o.Value.ConcealedNames} domains {string.Join(",", o.Value.UserDomains)}"
                : $"{o.Error!.ErrorId}: {o.Error.Message}"));
        }
        catch (Exception ex)
        {
            return $"thrown {ex.GetType().Name}: {ex.Message}";
        }
    }

    [Theory]
    [InlineData(UsageBasis.PaidUnits)]
    [InlineData(UsageBasis.LicensedUsers)]
    public void A_tenant_s_seven_reports_measure_the_same(UsageBasis basis)
    {
        Write(Detail);
        var (one, atOnce, openedOne, openedAtOnce) = Both(basis);
        Assert.DoesNotContain("thrown", one);
        Assert.Equal(one, atOnce);
        Assert.Equal(openedOne.OrderBy(k => k), openedAtOnce.OrderBy(k => k));
    }

    [Fact]
    public void The_active_user_report_stands_in_for_missing_ones_and_the_licensed_users_come_from_it()
    {
        Write(ReportKind.TeamsUserActivityUserDetail, ReportKind.M365AppUserDetail, ReportKind.Office365ActiveUserDetail, ReportKind.Office365ActivationsUserDetail);
        var (one, atOnce, openedOne, openedAtOnce) = Both(UsageBasis.LicensedUsers);
        Assert.Contains("from getOffice365ActiveUserDetail", one);
        Assert.Contains("ReportMissing", one); // Outlook Mobile has no report
        Assert.Equal(one, atOnce);
        Assert.Equal(openedOne.OrderBy(k => k), openedAtOnce.OrderBy(k => k));
    }

    [Fact]
    public void A_report_the_source_fails_to_give_fails_only_its_services()
    {
        Write(Detail);
        var (one, atOnce, _, _) = Both(UsageBasis.LicensedUsers, failing: ReportKind.YammerActivityUserDetail);
        Assert.Contains("ReportFileUnreadable", one);
        Assert.Equal(one, atOnce);
    }

    [Fact]
    public void A_header_only_report_fails_its_services()
    {
        Write(Detail);
        System.IO.File.WriteAllLines(File(ReportKind.SharePointActivityUserDetail), System.IO.File.ReadAllLines(File(ReportKind.SharePointActivityUserDetail)).Take(1));
        var (one, atOnce, _, _) = Both(UsageBasis.PaidUnits);
        Assert.Contains("ReportEmpty", one);
        Assert.Equal(one, atOnce);
    }

    [Theory]
    [InlineData(new[] { ReportKind.EmailActivityUserDetail })]
    [InlineData(new[] { ReportKind.OneDriveActivityUserDetail, ReportKind.YammerActivityUserDetail })] // Yammer is asked for first
    [InlineData(new[] { ReportKind.M365AppUserDetail, ReportKind.TeamsUserActivityUserDetail })]
    public void A_malformed_report_stops_the_measurement_with_the_error_met_first(ReportKind[] malformed)
    {
        Write(Detail);
        foreach (var kind in malformed) EditRow(kind, 250, line => line + ",an extra field");
        var (one, atOnce, _, _) = Both(UsageBasis.PaidUnits);
        Assert.StartsWith("thrown FtException: Line 251 of", one);
        Assert.Equal(one, atOnce);
    }

    [Fact]
    public void Reports_of_different_days_stop_the_measurement()
    {
        Write(Detail);
        foreach (var kind in new[] { ReportKind.EmailAppUsageUserDetail, ReportKind.EmailActivityUserDetail })
        {
            var lines = System.IO.File.ReadAllLines(File(kind));
            var other = Day.AddDays(-1).ToString("yyyy-MM-dd");
            System.IO.File.WriteAllLines(File(kind), lines.Take(1).Concat(lines.Skip(1).Select(l => other + l.Substring(10))), new UTF8Encoding(true));
        }
        // The folder refuses them itself, from their first rows; a source that does not is caught by the measurement.
        var (one, atOnce, _, _) = Both(UsageBasis.PaidUnits, raw: true, services: new[] { M365Service.Teams, M365Service.OutlookMobile, M365Service.Exchange });
        Assert.Contains("refreshed on different dates", atOnce);
        Assert.Equal(one, atOnce);
    }

    [Fact]
    public void A_date_the_folder_does_not_hold_stops_the_measurement()
    {
        Write(Detail);
        var (one, atOnce, _, _) = Both(UsageBasis.PaidUnits, asOf: Day.AddDays(-7));
        Assert.StartsWith("thrown FtException", one);
        Assert.Equal(one, atOnce);
    }

    /// <summary>A folder's reports as they are, none checked before it is read.</summary>
    private sealed class RawFolder(string folder) : IUsageDataSource
    {
        public string Description => $"raw folder {folder}";
        public Guid? TenantId => null;
        public string? Customer => null;
        public IReadOnlyList<SubscribedSku>? SubscribedSkus() => SubscribedSkuParser.Parse(System.IO.File.ReadAllText(Path.Combine(folder, "subscribedSkus.json")), folder);

        public ReportContent? OpenReport(ReportKind kind, DateTime? asOf)
        {
            var path = Path.Combine(folder, ReportDefinition.For(kind).GraphFunction + ".csv");
            return System.IO.File.Exists(path) ? new ReportContent(System.IO.File.OpenRead(path), path, new FileInfo(path).Length) : null;
        }
    }

    /// <summary>A folder's reports, counting what is opened; one kind refused as a download would be.</summary>
    private sealed class RecordingSource(IUsageDataSource inner, ReportKind? failing) : IUsageDataSource
    {
        public List<ReportKind> Opened { get; } = new();
        public string Description => inner.Description;
        public Guid? TenantId => inner.TenantId;
        public string? Customer => inner.Customer;
        public IReadOnlyList<SubscribedSku>? SubscribedSkus() => inner.SubscribedSkus();

        public ReportContent? OpenReport(ReportKind kind, DateTime? asOf)
        {
            Opened.Add(kind);
            if (kind == failing) throw ReportErrors.ReportFileUnreadable(kind.ToString(), new IOException("the download was refused")).ToException();
            return inner.OpenReport(kind, asOf);
        }
    }
}
