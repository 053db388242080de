using System.Management.Automation.Language;

namespace FastTrack.PowerShell.Tests;

/// <summary>Tab completion of names a customer chose: the completed line, run, passes that very name and
/// runs nothing else. PowerShell closes a single-quoted string at any of ' ‘ ’ ‚ ‛, so each is tried.</summary>
public sealed class CompletionTests : IClassFixture<ModuleSession>, IDisposable
{
    private readonly ModuleSession _session;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fasttrack-ps-tests", Guid.NewGuid().ToString("N"));
    private readonly string _workspace;
    private readonly string _marker;
    private readonly string[] _names;
    private readonly Dictionary<string, string> _tenants = new();

    public CompletionTests(ModuleSession session)
    {
        _session = session;
        _workspace = Path.Combine(_root, "workspace");
        _marker = Path.Combine(_root, "PWNED");
        _names = new[]
        {
            $"Zed\u2019 (New-Item {_marker}) \u2019",      // right single quotation mark, the reported case
            $"Zed\u2018; New-Item {_marker}; \u2018",     // left single quotation mark and statement separators
            $"Zed\u201A$(New-Item {_marker})\u201A",      // low-9 quotation mark around a subexpression
            $"Zed\u201B | New-Item {_marker} #",          // high-reversed-9 quotation mark, a pipe, a comment
            $"Zed' + $(New-Item {_marker}) + '",          // the ASCII quote
            $"Zed`$(New-Item {_marker})",                 // a backtick
            $"Zed\u201D $(New-Item {_marker}) \u201C",    // double quotation marks
            $"Zed;New-Item {_marker}",                    // no space, no quote at all
        };
        foreach (var name in _names)
        {
            var tenant = Guid.NewGuid().ToString();
            _tenants[tenant] = name;
            _session.Run("New-FtCustomerPlan -TenantId $args[1] -Customer $args[2] -PrimaryDomain $args[2] -Workspace $args[0] | Out-Null",
                _workspace, tenant, name).AssertNoErrors();
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, true); } catch (IOException) { }
    }

    /// <summary>What the parser reads back from a completed argument: it must be one string constant.</summary>
    private static string ReadBack(string completion)
    {
        var ast = Parser.ParseInput("Get-FtCustomerPlan -Customer " + completion, out _, out var errors);
        Assert.Empty(errors);
        var command = Assert.IsType<CommandAst>(Assert.IsType<PipelineAst>(Assert.Single(ast.EndBlock.Statements)).PipelineElements.Single());
        Assert.Equal(3, command.CommandElements.Count);
        Assert.Empty(command.Redirections);
        Assert.Empty(ast.FindAll(a => a is SubExpressionAst or ExpandableStringExpressionAst or VariableExpressionAst, true));
        return Assert.IsType<StringConstantExpressionAst>(command.CommandElements[2]).Value;
    }

    [Theory]
    [InlineData("Zed")]
    [InlineData("'Zed")]
    [InlineData("\u2018Zed")]
    [InlineData("\u2019Zed")]
    [InlineData("\u201AZed")]
    [InlineData("\u201BZed")]
    [InlineData("\"Zed")]
    public void Customer_names_and_domains_complete_to_one_string_each_whatever_quote_they_hold(string typed)
    {
        foreach (var parameter in new[] { "Customer", "Domain" })
        {
            var completions = _session.Complete($"Get-FtCustomerPlan -Workspace '{_workspace}' -{parameter} {typed}");
            Assert.Equal(_names.OrderBy(n => n, StringComparer.Ordinal), completions.Select(ReadBack).OrderBy(n => n, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Tenant_ids_found_by_a_crafted_customer_name_complete_as_plain_ids()
    {
        var completions = _session.Complete($"Set-FtCustomerPlan -Workspace '{_workspace}' -TenantId \u2019Zed");
        Assert.Equal(_tenants.Keys.OrderBy(t => t), completions.Select(ReadBack).OrderBy(t => t));
    }

    [Fact]
    public void Running_each_completed_line_finds_its_customer_and_creates_nothing()
    {
        var line = $"Get-FtCustomerPlan -Workspace '{_workspace}' -Customer ";
        var found = new List<string>();
        foreach (var completion in _session.Complete(line + "Zed"))
        {
            var result = _session.Run(line + completion);
            Assert.False(File.Exists(_marker), $"{line + completion} created {_marker}");
            result.AssertNoErrors();
            found.Add(result.Single().Str("Customer")!);
        }
        Assert.Equal(_names.OrderBy(n => n, StringComparer.Ordinal), found.OrderBy(n => n, StringComparer.Ordinal));
    }
}
