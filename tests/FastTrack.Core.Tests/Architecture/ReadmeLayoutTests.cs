using System.Reflection;
using System.Text.RegularExpressions;

namespace FastTrack.Core.Tests.Architecture;

/// <summary>Issue 16: README's layout tables match the tree: every folder of the core is described, and every
/// path they name exists.</summary>
public sealed class ReadmeLayoutTests
{
    private static readonly string SourceRoot = typeof(ReadmeLayoutTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SourceRoot").Value!;

    private static string Readme => File.ReadAllText(Path.Combine(SourceRoot, "..", "README.md"));

    [Fact]
    public void Every_folder_of_the_core_is_in_the_layout_table()
    {
        var core = Path.Combine(SourceRoot, "FastTrack.Core");
        var folders = Directory.GetDirectories(core).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToList();
        Assert.True(folders.Count > 10);
        foreach (var folder in folders) Assert.Contains($"`{folder}/`", Readme);
    }

    [Fact]
    public void Every_path_the_layout_names_exists()
    {
        var repo = Path.Combine(SourceRoot, "..");
        var section = Readme.Substring(Readme.IndexOf("## Repository layout", StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("\n## ", 20, StringComparison.Ordinal));
        var firstCells = Regex.Matches(section, @"^\| ([^|]+) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        var named = firstCells.SelectMany(cell => Regex.Matches(cell, "`([^`]+)`").Select(m => m.Groups[1].Value))
            .Where(path => !path.Contains('…')).ToList();
        Assert.True(named.Count > 25, $"found {named.Count} paths");
        foreach (var path in named)
        {
            var inRepo = Path.Combine(repo, path.TrimEnd('/'));
            var inCore = Path.Combine(SourceRoot, "FastTrack.Core", path.TrimEnd('/'));
            Assert.True(Directory.Exists(inRepo) || File.Exists(inRepo) || Directory.Exists(inCore), $"README names '{path}', which is not in the tree");
        }
    }
}
