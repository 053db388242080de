using System.Text;
using FastTrack.Core.Errors;
using FastTrack.Core.Playbook;
using FastTrack.Core.Usage;

namespace FastTrack.Core.Tests.Usage;

/// <summary>A report folder on disk for one test: reports written as the admin center exports them (UTF-8
/// BOM, CRLF), measured on the licensed-users basis through the public path (FolderUsageSource and
/// ActiveUsageCalculator).</summary>
internal sealed class ReportFolder : IDisposable
{
    private readonly TempDirectory _dir = new();

    // The real Teams column order (Report Refresh Date first, Is Licensed near the end).
    public const string TeamsHeader = "Report Refresh Date,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Call Count,Meeting Count,Has Other Action,Audio Duration,Is Licensed,Report Period";

    /// <summary>A Teams row of refresh date 2024-03-31 (window 2024-03-04 .. 2024-03-31).</summary>
    public static string TeamsRow(string upn, string lastActivity = "2024-03-30", string deleted = "False", string refresh = "2024-03-31") =>
        $"{refresh},,{upn},{lastActivity},{deleted},,MICROSOFT 365 E3,3,0,0,1,No,PT1H2M,Yes,28";

    public string Path => _dir.Path;

    public string File(string name) => System.IO.Path.Combine(_dir.Path, name);

    public string Write(string name, string header, params string[] rows)
    {
        System.IO.File.WriteAllText(File(name), string.Join("\r\n", new[] { header }.Concat(rows)) + "\r\n", new UTF8Encoding(true));
        return File(name);
    }

    public string WriteText(string name, string text)
    {
        System.IO.File.WriteAllText(File(name), text, new UTF8Encoding(false));
        return File(name);
    }

    public IReadOnlyList<Outcome<ActiveUsage>> Measure(params M365Service[] services) =>
        new ActiveUsageCalculator().Measure(new FolderUsageSource(Path), services, _ => new UsageGoal(10, null, UsageBasis.LicensedUsers));

    /// <summary>The error a measurement ends in, thrown or as the one service's outcome; fails the test on a number.</summary>
    public FtError Refusal(params M365Service[] services)
    {
        try
        {
            var outcome = Assert.Single(Measure(services));
            Assert.False(outcome.Succeeded, $"measured {outcome.Value?.ActiveUsers} of {outcome.Value?.Denominator} instead of refusing");
            return outcome.Error!;
        }
        catch (FtException ex)
        {
            return ex.Error;
        }
    }

    public void Dispose() => _dir.Dispose();
}
