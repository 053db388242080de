
namespace FastTrack.PowerShell.Tests;

/// <summary>Every exported cmdlet has real help: synopsis, description, an example, and a description
/// for each of its parameters — and the help documents no parameter the cmdlet does not have.</summary>
public sealed class HelpTests : IClassFixture<ModuleSession>
{
    private static readonly HashSet<string> CommonParameters = new(
        System.Management.Automation.Cmdlet.CommonParameters.Concat(System.Management.Automation.Cmdlet.OptionalCommonParameters),
        StringComparer.OrdinalIgnoreCase);

    private readonly ModuleSession _session;

    public HelpTests(ModuleSession session) => _session = session;

    public static IEnumerable<object[]> ExportedCommands()
    {
        using var session = new ModuleSession();
        return session.Run("(Get-Command -Module FastTrack.PowerShell).Name").Output.Select(o => new object[] { o.ToString() }).ToList();
    }

    [Theory]
    [MemberData(nameof(ExportedCommands))]
    public void Every_exported_cmdlet_has_synopsis_description_and_an_example(string command)
    {
        var help = _session.Run("Get-Help $args[0] -Full", command).Single();
        var synopsis = help.Str("Synopsis")!.Trim();
        Assert.False(string.IsNullOrWhiteSpace(synopsis));
        Assert.DoesNotContain(command + " [", synopsis); // auto-generated help shows the syntax as synopsis
        var description = _session.Run("(Get-Help $args[0] -Full).Description.Text -join ' '", command).Single().ToString();
        Assert.True(description.Length > 40, $"{command}: description is missing or too short");
        var examples = _session.Run("@((Get-Help $args[0] -Full).Examples.Example)", command).Output;
        Assert.NotEmpty(examples);
        Assert.All(examples, e => Assert.Contains(command, e.Str("code")));
    }

    [Theory]
    [MemberData(nameof(ExportedCommands))]
    public void Every_parameter_is_documented_and_help_names_no_parameter_the_cmdlet_lacks(string command)
    {
        var actual = _session.Run("(Get-Command $args[0]).Parameters.Keys", command).Output
            .Select(o => o.ToString()!).Where(p => !CommonParameters.Contains(p)).OrderBy(p => p).ToList();
        var documented = _session.Run(
            "(Get-Help $args[0] -Full).Parameters.Parameter | ForEach-Object { '{0}|{1}' -f $_.Name, (($_.Description | ForEach-Object Text) -join ' ') }", command)
            .Output.Select(o => o.ToString()!.Split('|', 2)).ToList();
        Assert.Equal(actual, documented.Select(d => d[0]).OrderBy(p => p));
        Assert.All(documented, d => Assert.True(d[1].Trim().Length > 10, $"{command} -{d[0]} has no description"));
    }

    [Fact]
    public void The_about_topic_is_shipped_and_describes_the_playbook_and_the_workflow()
    {
        var path = Path.Combine(ModulePaths.ModuleDirectory, "en-US", "about_FastTrack.help.txt");
        Assert.True(File.Exists(path));
        var text = File.ReadAllText(path);
        foreach (var part in new[] { "TOPIC", "about_FastTrack", "3731", "3740", "3650", "THE WORKFLOW", "Connect-FtTenant", "Invoke-FtSuccessExecution", "Get-FtModuleDiagnostic",
                                     "VERDICTS AND THE READINGS THEY FOLLOW", "reading 1", "reading 2", "reading 3", "reading 6", "NotApplicable", "TrainingReachTarget" })
            Assert.Contains(part, text);
    }

    [Theory]
    [MemberData(nameof(ExportedCommands))]
    public void Every_cmdlet_declares_its_output_type(string command)
    {
        var types = _session.Run("(Get-Command $args[0]).OutputType.Name", command).Output.Select(o => o.ToString()).ToList();
        Assert.NotEmpty(types);
    }
}
