using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FastTrack.PowerShell.Tests;

/// <summary>Issue 17: the help source holds prose only, and the build refuses one that disagrees with the cmdlets
/// or states what the cmdlets state. The builder runs as the build runs it, on a copy of module/help with one
/// change; each refusal is an "error :" line (MSBuild's build error) naming the file.</summary>
public sealed class HelpBuilderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-help-").FullName;
    private readonly string _help;

    public HelpBuilderTests()
    {
        _help = Path.Combine(_folder, "help");
        Directory.CreateDirectory(_help);
        foreach (var file in Directory.GetFiles(Path.Combine(ModulePaths.RepoRoot, "module", "help")))
            File.Copy(file, Path.Combine(_help, Path.GetFileName(file)));
    }

    [Fact]
    public void The_help_source_as_it_is_builds()
    {
        var (exitCode, output) = Build();
        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(Path.Combine(_folder, "help.xml")));
    }

    [Theory]
    // A parameter the cmdlet does not have, and one it has that is not described.
    [InlineData("Get-FtNextAction.md", "## INPUTS", "### -Verbosity\nHow much to say.\n\n## INPUTS", "has no parameter -Verbosity")]
    [InlineData("Get-FtNextAction.md", "### -Culture\n", "### -Kultur\n", "-Culture that is not described")]
    // What the cmdlet states is not written again.
    [InlineData("Get-FtNextAction.md", "## DESCRIPTION", "## SYNTAX\n\n```\nGet-FtNextAction [<CommonParameters>]\n```\n\n## DESCRIPTION", "remove the SYNTAX section")]
    [InlineData("Get-FtNextAction.md", "### -Culture\n", "### -Culture\n\n```yaml\nRequired: True\n```\n", "remove the code block of -Culture")]
    // Get-Help -Online would open a file name.
    [InlineData("Measure-FtActiveUsage.md", "- Get-FtActiveUsageHistory", "- [Get-FtActiveUsageHistory](Get-FtActiveUsageHistory.md)", "is not a web address")]
    [InlineData("Measure-FtActiveUsage.md", "- Get-FtActiveUsageHistory", "- Get-FtActiveUsageHistori", "is not a command of the module")]
    // An example that does not say what it does.
    [InlineData("Get-FtNextAction.md", "```\n\nReturns Contoso's three most urgent actions.\n", "```\n\n", "does not explain itself")]
    public void A_help_source_that_disagrees_with_the_cmdlet_fails_the_build_naming_the_file(string file, string find, string replace, string message)
    {
        var path = Path.Combine(_help, file);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace));

        var (exitCode, output) = Build();

        Assert.Equal(1, exitCode);
        Assert.Matches(new Regex($@"(?m)^error : {Regex.Escape(path)}(\(\d+\))?: .*{Regex.Escape(message)}"), output);
        Assert.False(File.Exists(Path.Combine(_folder, "help.xml")));
    }

    [Fact]
    public void A_cmdlet_without_help_fails_the_build_naming_the_missing_file()
    {
        var path = Path.Combine(_help, "Get-FtTask.md");
        File.Delete(path);

        var (exitCode, output) = Build();

        Assert.Equal(1, exitCode);
        Assert.Contains($"error : {path}: missing: the cmdlet Get-FtTask has no help source.", output);
    }

    private (int ExitCode, string Output) Build()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { ModulePaths.ModuleBuilder, "help", _help, ModulePaths.CmdletAssembly, ModulePaths.HelpReferenceList,
                                         Path.Combine(ModulePaths.RepoRoot, "module", "FastTrack.PowerShell.psd1"), Path.Combine(_folder, "help.xml") })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + error.Result;
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
