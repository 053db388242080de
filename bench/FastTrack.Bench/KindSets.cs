using FastTrack.Core.Sample;
using FastTrack.Core.UsageReports;

namespace FastTrack.Bench;

/// <summary>Every report kind the engine reads, written once per size under kinds-N/all, and folders that hold
/// some of them (symbolic links, which the engine follows): one per kind, and a tenant's report sets.</summary>
internal static class KindSets
{
    public static readonly ReportKind[] Kinds = ReportSet.Kinds.Concat(new[] { ReportKind.Office365ActiveUserDetail, ReportKind.Office365ActivationsUserDetail }).ToArray();

    /// <summary>The sets a tenant measures: its seven detail reports; or the wide active-user report and the activations report.</summary>
    public static readonly (string Name, ReportKind[] Kinds)[] Sets =
    {
        ("seven detail reports", ReportSet.Kinds),
        ("wide + activations", new[] { ReportKind.Office365ActiveUserDetail, ReportKind.Office365ActivationsUserDetail }),
    };

    public static string Folder(string root, int users, string name, IEnumerable<ReportKind> kinds)
    {
        var all = All(root, users);
        var folder = Path.Combine(root, $"kinds-{users}", name.Replace(' ', '-').Replace("+", "and"));
        if (Directory.Exists(folder)) return folder;
        var building = folder + ".tmp";
        if (Directory.Exists(building)) Directory.Delete(building, true);
        Directory.CreateDirectory(building);
        foreach (var file in kinds.Select(FileName).Append("subscribedSkus.json"))
            File.CreateSymbolicLink(Path.Combine(building, file), Path.Combine(all, file));
        Directory.Move(building, folder);
        return folder;
    }

    public static string FileName(ReportKind kind) => $"{ReportDefinition.For(kind).GraphFunction}.csv";

    private static string All(string root, int users)
    {
        var folder = Path.Combine(root, $"kinds-{users}", "all");
        var marker = Path.Combine(folder, ".complete");
        if (File.Exists(marker)) return folder;
        if (Directory.Exists(folder)) Directory.Delete(folder, true);
        Console.Error.WriteLine($"Writing the nine reports of {users:N0} users to {folder}...");
        new SampleTenant(new SampleTenantOptions { Users = users, LastDay = ReportSet.LastDay }).WriteReports(folder, ReportSet.LastDay, Kinds);
        File.WriteAllText(marker, DateTime.UtcNow.ToString("O"));
        return folder;
    }
}
