using System.Management.Automation;
using System.Reflection;

namespace FastTrack.PowerShell.Tests;

/// <summary>Every exported cmdlet has real help: synopsis, description, an example, and a description
/// for each of its parameters — and the help documents no parameter the cmdlet does not have. Issue 17: the
/// help's syntax and parameter attributes are the cmdlet's own (as Get-Command reports them), every example
/// says what it does, and Get-Help -Online has an address to open.</summary>
public sealed class HelpTests : IClassFixture<ModuleSession>
{
    // Separates fields in the lines the scripts below return (code and text may hold '|').
    private const char Field = '\u001f';

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

    [Theory]
    [MemberData(nameof(ExportedCommands))]
    public void Get_Help_shows_the_syntax_Get_Command_shows(string command)
    {
        // What a user reads: every form of Get-Help's SYNTAX, in order, as Get-Command -Syntax prints it.
        var expected = Lines(_session.Run("Get-Command $args[0] -Syntax", command).Single().ToString()!);
        var raw = _session.Host.UI.RawUI;
        var size = raw.BufferSize;
        raw.BufferSize = new System.Management.Automation.Host.Size(10000, size.Height); // one line per form, as -Syntax
        try
        {
            Assert.Equal(expected, Lines(_session.Display("(Get-Help $args[0] -Full).Syntax", command)));
        }
        finally
        {
            raw.BufferSize = size;
        }
    }

    [Theory]
    [MemberData(nameof(ExportedCommands))]
    public void Each_syntax_form_has_the_parameters_and_attributes_of_its_parameter_set(string command)
    {
        // Form by form, in Get-Command's order of parameter sets: name, mandatory, position, pipeline input,
        // aliases and type of every parameter (the common parameters are Get-Help's [<CommonParameters>]).
        // The lines start with the form's number; sorted, each form's parameters are compared by name.
        var actual = _session.Run("""
            $sep = $args[1]
            $i = 0
            foreach ($set in (Get-Command $args[0]).ParameterSets) {
                foreach ($p in $set.Parameters | Where-Object Name -notin ([System.Management.Automation.Cmdlet]::CommonParameters)) {
                    $pipeline = if ($p.ValueFromPipeline -and $p.ValueFromPipelineByPropertyName) { 'True (ByValue, ByPropertyName)' }
                        elseif ($p.ValueFromPipeline) { 'True (ByValue)' } elseif ($p.ValueFromPipelineByPropertyName) { 'True (ByPropertyName)' } else { 'False' }
                    $type = [regex]::Match("$set", "-$($p.Name)\]? <([^>]+)>")
                    (@($i, $p.Name, "$($p.IsMandatory)".ToLower(), $(if ($p.Position -eq [int]::MinValue) { 'named' } else { $p.Position }), $pipeline,
                       $(if ($p.Aliases.Count) { $p.Aliases -join ', ' } else { 'none' }), $(if ($type.Success) { $type.Groups[1].Value } else { 'switch' })) -join $sep)
                }
                $i++
            }
            """, command, Field).Output.Select(o => o.ToString()!).Order(StringComparer.Ordinal).ToList();
        var documented = _session.Run("""
            $sep = $args[1]
            $i = 0
            foreach ($item in @((Get-Help $args[0] -Full).Syntax.SyntaxItem)) {
                foreach ($p in @($item.Parameter)) {
                    (@($i, $p.Name, $p.Required, $p.Position, $p.PipelineInput, $p.Aliases, $(if ($p.ParameterValue) { $p.ParameterValue } else { 'switch' })) -join $sep)
                }
                $i++
            }
            """, command, Field).Output.Select(o => o.ToString()!).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(actual);
        Assert.Equal(actual, documented);
    }

    [Theory]
    [MemberData(nameof(ExportedCommands))]
    public void The_parameters_section_states_what_the_cmdlet_declares(string command)
    {
        // Required? is true only when every form needs the parameter (Measure-FtActiveUsage -Path is not: the
        // other forms do without it). Pipeline input is any set's; the default is [PSDefaultValue]'s.
        var actual = _session.Run("""
            $sep = $args[1]
            $c = Get-Command $args[0]
            foreach ($p in @((Get-Help $args[0] -Full).Parameters.Parameter)) {
                $m = $c.Parameters[$p.Name]
                $sets = $m.ParameterSets
                $required = ($sets.ContainsKey('__AllParameterSets') -or $sets.Count -eq $c.ParameterSets.Count) -and -not @($sets.Values | Where-Object { -not $_.IsMandatory })
                $byValue = [bool]@($sets.Values | Where-Object ValueFromPipeline)
                $byName = [bool]@($sets.Values | Where-Object ValueFromPipelineByPropertyName)
                $pipeline = if ($byValue -and $byName) { 'True (ByValue, ByPropertyName)' } elseif ($byValue) { 'True (ByValue)' } elseif ($byName) { 'True (ByPropertyName)' } else { 'False' }
                $positions = @($sets.Values | ForEach-Object { if ($_.Position -eq [int]::MinValue) { 'named' } else { "$($_.Position)" } })
                $type = @($c.ParameterSets | ForEach-Object { [regex]::Match("$_", "-$($p.Name)\]? <([^>]+)>") } | Where-Object Success)[0]
                $default = $m.Attributes | Where-Object { $_ -is [System.Management.Automation.PSDefaultValueAttribute] }
                $defaultText = if ($default.Help) { $default.Help } elseif ($null -ne $default.Value) { "$($default.Value)" } elseif ($m.SwitchParameter) { 'False' } else { 'None' }
                $wildcards = [bool]($m.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                $expected = @($p.Name, "$required".ToLower(), $pipeline, $(if ($m.Aliases.Count) { $m.Aliases -join ', ' } else { 'none' }),
                              $(if ($type) { $type.Groups[1].Value } else { 'switch' }), $defaultText, "$wildcards".ToLower(), ($positions -contains $p.Position)) -join $sep
                $shown = @($p.Name, $p.Required, $p.PipelineInput, $p.Aliases, $(if ($p.ParameterValue) { $p.ParameterValue } else { 'switch' }), $p.DefaultValue, $p.Globbing, $true) -join $sep
                "$expected$($args[2])$shown"
            }
            """, command, Field, "\n").Output.Select(o => o.ToString()!.Split('\n')).ToList();
        Assert.NotEmpty(actual);
        Assert.All(actual, pair => Assert.Equal(pair[0], pair[1]));
    }

    [Theory]
    [MemberData(nameof(ExportedCommands))]
    public void Every_default_value_in_help_is_the_one_the_cmdlet_starts_with(string command)
    {
        // A parameter that starts with a value of its own must say so with [PSDefaultValue] (help shows it), and a
        // [PSDefaultValue(Value = ...)] must be that value: 10 for -LockTimeout is PlanStore.DefaultLockTimeout.
        var type = (Type)_session.Run("(Get-Command $args[0]).ImplementingType", command).Single().BaseObject;
        var cmdlet = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties().Where(p => p.GetCustomAttributes<ParameterAttribute>().Any()))
        {
            var value = property.GetValue(cmdlet);
            var declared = property.GetCustomAttribute<PSDefaultValueAttribute>();
            if (declared?.Value is { } stated) Assert.Equal(stated, value);
            else if (declared?.Help is null) Assert.True(IsUnset(value), $"{command} -{property.Name} starts as '{value}': declare it with [PSDefaultValue] so help shows it.");
        }
    }

    [Theory]
    [MemberData(nameof(ExportedCommands))]
    public void Every_example_has_code_and_says_what_it_does(string command)
    {
        var examples = _session.Run(
            "$sep = $args[1]; @((Get-Help $args[0] -Full).Examples.Example) | ForEach-Object { (@($_.Title, ($_.Code -join ' '), (($_.Remarks | ForEach-Object Text) -join ' ')) -join $sep) }",
            command, Field).Output.Select(o => o.ToString()!.Split(Field)).ToList();
        Assert.NotEmpty(examples);
        Assert.All(examples, e =>
        {
            Assert.Contains(command, e[1]);
            Assert.True(e[2].Trim().Length > 30, $"{command} {e[0].Trim('-', ' ')}: the example does not say what it does and what comes out.");
        });
    }

    [Theory]
    [MemberData(nameof(ExportedCommands))]
    public void Get_Help_Online_has_a_web_address_and_the_other_links_name_commands(string command)
    {
        var links = _session.Run(
            "$sep = $args[1]; (Get-Help $args[0]).RelatedLinks.NavigationLink | ForEach-Object { $_.LinkText + $sep + $_.Uri }", command, Field)
            .Output.Select(o => o.ToString()!.Split(Field)).ToList();
        // Get-Help -Online opens the first link's address; it must be an absolute https address, not a file name.
        var online = links[0][1];
        Assert.True(Uri.IsWellFormedUriString(online, UriKind.Absolute) && online.StartsWith("https://", StringComparison.Ordinal), $"{command}: '{online}'");
        var project = _session.Run("(Get-Module FastTrack.PowerShell).ProjectUri.AbsoluteUri").Single().ToString()!;
        Assert.Equal(project.TrimEnd('/') + "#cmdlets", online);
        // It lands on the README's Cmdlets section, which says what the cmdlet does.
        var readme = File.ReadAllText(Path.Combine(ModulePaths.RepoRoot, "README.md"));
        var section = readme[readme.IndexOf("\n## Cmdlets\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        Assert.Contains($"`{command}`", section);
        Assert.All(links.Skip(1), l =>
        {
            Assert.Equal("", l[1]);
            var found = _session.Run(
                "if ($args[0] -like 'about_*') { Get-Help $args[0] -Category HelpFile -ErrorAction SilentlyContinue } else { Get-Command $args[0] -ErrorAction SilentlyContinue }", l[0]).Output;
            Assert.True(found.Count == 1, $"{command}: the related link '{l[0]}' names no command or about topic.");
        });
    }

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static bool IsUnset(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        Array a => a.Length == 0,
        SwitchParameter s => !s.IsPresent,
        _ => value.Equals(Activator.CreateInstance(value.GetType())),
    };
}
