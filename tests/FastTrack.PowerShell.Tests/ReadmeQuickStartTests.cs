using System.Text.RegularExpressions;

namespace FastTrack.PowerShell.Tests;

/// <summary>The README's quick start is what `build.ps1 -Task Demo` runs: it must work as written.</summary>
public sealed class ReadmeQuickStartTests : IClassFixture<ModuleSession>
{
    private readonly ModuleSession _session;

    public ReadmeQuickStartTests(ModuleSession session) => _session = session;

    [Fact]
    public void The_quick_start_runs_without_errors_and_shows_the_playbook()
    {
        var readme = File.ReadAllText(Path.Combine(ModulePaths.RepoRoot, "README.md"));
        var match = Regex.Match(readme, @"<!-- quickstart -->\s*```powershell\s*(?<code>.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, "README.md has no <!-- quickstart --> block");
        var text = _session.Display(match.Groups["code"].Value);
        Assert.Contains("CSM Handshake for Modern Comms", text);
        Assert.Contains("OneDrive - Perform OneDrive Adoption Workshop", text);
        Assert.Contains("Handshake de CSM para comunicaciones modernas", text);
        // One pipeline here, so the later objects show as lists (a console formats each statement on its own).
        Assert.Contains("target 10% reached", text);                     // the Teams forecast
        Assert.Contains("First run of the playbook for Contoso", text); // the run
        var workspace = _session.Run("$PSDefaultParameterValues['*-Ft*:Workspace']").Single().ToString();
        Assert.StartsWith(Path.GetTempPath(), workspace);
        Directory.Delete(workspace, recursive: true);
    }
}
