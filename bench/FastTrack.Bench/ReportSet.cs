using FastTrack.Core.Sample;
using FastTrack.Core.UsageReports;

namespace FastTrack.Bench;

/// <summary>The sample tenant scaled up, written once per size: the reports the engine reads for every
/// service on the paid-units basis, and subscribedSkus.json.</summary>
internal static class ReportSet
{
    public static readonly DateTime LastDay = new(2026, 11, 22);

    public static readonly ReportKind[] Kinds =
    {
        ReportKind.TeamsUserActivityUserDetail, ReportKind.YammerActivityUserDetail, ReportKind.EmailAppUsageUserDetail,
        ReportKind.OneDriveActivityUserDetail, ReportKind.SharePointActivityUserDetail, ReportKind.EmailActivityUserDetail, ReportKind.M365AppUserDetail,
    };

    public static string Ensure(string root, int users)
    {
        var folder = Path.Combine(root, users.ToString());
        var marker = Path.Combine(folder, ".complete");
        if (File.Exists(marker)) return folder;
        if (Directory.Exists(folder)) Directory.Delete(folder, true);
        Console.Error.WriteLine($"Writing the {users:N0}-user report set to {folder}...");
        new SampleTenant(new SampleTenantOptions { Users = users, LastDay = LastDay }).WriteReports(folder, LastDay, Kinds);
        File.WriteAllText(marker, DateTime.UtcNow.ToString("O"));
        return folder;
    }
}
