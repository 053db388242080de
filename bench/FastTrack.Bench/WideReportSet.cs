using FastTrack.Core.Sample;
using FastTrack.Core.UsageReports;

namespace FastTrack.Bench;

/// <summary>The five-service active-user report alone (getOffice365ActiveUserDetail), the one admins and the
/// community scripts use, written once per size for the comparison with the script a user would write
/// (bench/peer): <c>--write-wide USERS DIR</c> prints the folder.</summary>
internal static class WideReportSet
{
    public static string Ensure(string root, int users)
    {
        var folder = Path.Combine(root, $"wide-{users}");
        var marker = Path.Combine(folder, ".complete");
        if (File.Exists(marker)) return folder;
        if (Directory.Exists(folder)) Directory.Delete(folder, true);
        Console.Error.WriteLine($"Writing the {users:N0}-user active-user report to {folder}...");
        new SampleTenant(new SampleTenantOptions { Users = users, LastDay = ReportSet.LastDay })
            .WriteReports(folder, ReportSet.LastDay, new[] { ReportKind.Office365ActiveUserDetail });
        File.WriteAllText(marker, DateTime.UtcNow.ToString("O"));
        return folder;
    }
}
