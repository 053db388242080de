using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;
using FastTrack.Core.UsageReports;
using FastTrack.GraphEmulator;

namespace FastTrack.Core.Tests.Graph;

/// <summary>Issue 18: a report is read as it downloads, through the real Graph client, into the cache file
/// that gets its name only when the body is whole; a download that fails fails its report, never shortens it.</summary>
public sealed class StreamedDownloadTests : IDisposable
{
    private const ReportKind Teams = ReportKind.TeamsUserActivityUserDetail;
    private const string TeamsDownload = "/download/getTeamsUserActivityUserDetail";
    private readonly EmulatedGraph _graph = new();

    public void Dispose() => _graph.Dispose();

    private ReportContent Open(Core.Graph.TenantConnection connection, ReportKind kind = Teams) =>
        connection.UsageSource(_graph.Workspace).OpenReport(kind, null)!;

    [Fact]
    public void A_whole_download_gets_the_cache_name_and_holds_the_bytes_served()
    {
        using var connection = _graph.Connect();
        byte[] read;
        using (var content = Open(connection)) read = EmulatedGraph.ReadToEnd(content);

        Assert.Equal(_graph.Served(Teams), read);
        var file = Assert.Single(_graph.CacheFiles(Teams));
        Assert.EndsWith($".D30-fetched-{DateTime.UtcNow:yyyy-MM-dd}.csv", file);
        Assert.Equal(_graph.Served(Teams), File.ReadAllBytes(file));
        using (var again = Open(connection)) Assert.Equal(read, EmulatedGraph.ReadToEnd(again));
        Assert.Equal(1, _graph.Downloads(Teams)); // the second came from the cache
    }

    [Fact]
    public void The_first_bytes_are_read_while_the_rest_is_on_its_way_and_a_reader_leaving_early_stops_the_download()
    {
        _graph.Emulator.Faults.Add(TeamsDownload, new SlowBodyFault(TimeSpan.FromMinutes(5)));
        using var connection = _graph.Connect(_graph.Options(downloadTimeout: TimeSpan.FromMinutes(10)));
        var content = Open(connection);
        var head = new byte[1024];
        for (var done = 0; done < head.Length;) done += content.Stream.Read(head, done, head.Length - done);

        Assert.Equal(_graph.Served(Teams).Take(1024), head);
        var partial = Assert.Single(_graph.CacheFiles(Teams));
        Assert.Contains(".tmp-", partial); // the cache name only when whole

        content.Dispose();
        Assert.True(SpinWait.SpinUntil(() => _graph.CacheFiles(Teams).Length == 0, TimeSpan.FromSeconds(20)), "the partial file stayed");
        using (var again = Open(connection)) Assert.Equal(_graph.Served(Teams), EmulatedGraph.ReadToEnd(again));
        // The stopped download was not joined: the report was asked for again (the slow body never ends).
        Assert.Equal(2, _graph.Emulator.Requests.Count(r => r.PathAndQuery.StartsWith("/v1.0/reports/getTeamsUserActivityUserDetail", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_download_cut_off_for_good_after_bytes_were_read_throws_its_report_error_and_leaves_nothing()
    {
        _graph.Emulator.Faults.Add(TeamsDownload, new TruncatedBodyFault(20_000), times: 10);
        using var connection = _graph.Connect(_graph.Options(attempts: 3));
        using var content = Open(connection);
        var buffer = new byte[4096];
        var read = 0;
        var thrown = Assert.Throws<FtException>(() =>
        {
            int n;
            while ((n = content.Stream.Read(buffer, 0, buffer.Length)) > 0) read += n;
        });

        Assert.Equal(20_000, read); // what arrived was read, and then no end: an error
        Assert.True(ReportInterruption.Is(thrown));
        Assert.Equal(nameof(Core.Graph.GraphErrors.GraphConnectionFailed), thrown.Error.ErrorId);
        Assert.Empty(_graph.CacheFiles(Teams));
        Assert.Equal(3, _graph.Downloads(Teams));
    }

    [Fact]
    public void Measured_a_report_cut_off_for_good_fails_its_services_alone_with_no_number()
    {
        _graph.Emulator.Faults.Add(TeamsDownload, new TruncatedBodyFault(20_000), times: 10);
        using var connection = _graph.Connect(_graph.Options(attempts: 3));
        var results = new ActiveUsageCalculator().Measure(connection.UsageSource(_graph.Workspace), new[] { M365Service.Teams, M365Service.Exchange },
            _ => new UsageGoal(10, null, UsageBasis.PaidUnits));

        Assert.Null(results[0].Value);
        Assert.Equal(nameof(Core.Graph.GraphErrors.GraphConnectionFailed), results[0].Error!.ErrorId);
        Assert.Contains("getTeamsUserActivityUserDetail", results[0].Error!.Message);
        Assert.True(results[1].Succeeded, results[1].Error?.Message);
        Assert.Empty(_graph.CacheFiles(Teams));
        Assert.Equal(3, _graph.Downloads(Teams)); // not downloaded again for the fallback report's sake
    }

    [Fact]
    public void A_download_cut_off_once_continues_from_the_same_bytes_sent_again()
    {
        _graph.Emulator.Faults.Add(TeamsDownload, new TruncatedBodyFault(20_000));
        using var connection = _graph.Connect();
        using (var content = Open(connection)) Assert.Equal(_graph.Served(Teams), EmulatedGraph.ReadToEnd(content));

        Assert.Equal(_graph.Served(Teams), File.ReadAllBytes(Assert.Single(_graph.CacheFiles(Teams))));
        Assert.Equal(2, _graph.Downloads(Teams));
        Assert.Contains(_graph.Log, l => l.Contains("cut off; retry 1"));
    }

    [Fact]
    public void A_report_sent_again_differently_fails_rather_than_join_two_reports()
    {
        _graph.Emulator.Faults.Add(TeamsDownload, new TruncatedBodyFault(20_000));
        _graph.BetweenAttempts = () => _graph.Emulator.DisplayConcealedNames = true; // refreshed meanwhile
        using var connection = _graph.Connect();
        using var content = Open(connection);

        var thrown = Assert.Throws<FtException>(() => EmulatedGraph.ReadToEnd(content));
        Assert.Equal(nameof(Core.Graph.GraphErrors.GraphReportChanged), thrown.Error.ErrorId);
        Assert.True(ReportInterruption.Is(thrown));
        Assert.Empty(_graph.CacheFiles(Teams));
    }
}
