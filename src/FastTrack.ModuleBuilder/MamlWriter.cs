using System.Xml.Linq;

namespace FastTrack.ModuleBuilder;

/// <summary>Writes PowerShell's MAML command help (the format Get-Help reads for binary modules): the prose of the
/// help source, and the syntax and parameter attributes of the cmdlet's own metadata.</summary>
internal static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    /// <param name="onlineUri">The first related link of every command: the address Get-Help -Online opens.</param>
    public static XDocument Write(IEnumerable<(CommandHelp Help, CmdletMetadata Cmdlet)> commands, string onlineUri) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(c => CommandElement(c.Help, c.Cmdlet, onlineUri))));

    private static XElement CommandElement(CommandHelp help, CmdletMetadata cmdlet, string onlineUri)
    {
        var dash = cmdlet.Name.IndexOf('-');
        var links = help.Links.Prepend(new LinkHelp("Online Version:", onlineUri));
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", cmdlet.Name),
                new XElement(Command + "verb", cmdlet.Name[..dash]),
                new XElement(Command + "noun", cmdlet.Name[(dash + 1)..]),
                Description(help.Synopsis)),
            Description(help.Description),
            new XElement(Command + "syntax", CommandSyntax.Forms(cmdlet).Select(form =>
                new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", cmdlet.Name),
                    form.Parameters.Select(p => SyntaxParameterElement(p.Parameter, p.Entry))))),
            new XElement(Command + "parameters", help.Parameters.Select(p =>
                ParameterElement(cmdlet, cmdlet.Parameters.Single(m => m.Name == p.Name), p.Description))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t =>
                new XElement(Command + "inputType", TypeElement(t.Name), Description(t.Description)))),
            new XElement(Command + "returnValues", help.Outputs.Select(t =>
                new XElement(Command + "returnValue", TypeElement(t.Name), Description(t.Description)))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(help.Notes))),
            new XElement(Command + "examples", help.Examples.Select(ExampleElement)),
            new XElement(Command + "relatedLinks", links.Select(l =>
                new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", l.Text), new XElement(Maml + "uri", l.Uri)))));
    }

    // In a syntax form every attribute is that set's own, as Get-Command reports it.
    private static XElement SyntaxParameterElement(ParameterMetadata p, ParameterSetEntry entry) =>
        ParameterElementOf(p, entry.Mandatory ? "true" : "false", entry.PositionText, entry.PipelineInput, description: null);

    // The PARAMETERS section has one entry per parameter, and Get-Help shows "Required?" only as true or false:
    // true when every syntax form needs the parameter. -Path of Measure-FtActiveUsage is false, since the other
    // forms do without it; a sentence names the sets that need it, and any set whose position or pipeline
    // input differs.
    private static XElement ParameterElement(CmdletMetadata cmdlet, ParameterMetadata p, string description)
    {
        var sets = CommandSyntax.ParameterSets(cmdlet);
        var own = sets.Where(s => p.In(s) is not null).Select(s => (Set: s, Entry: p.In(s)!)).ToList();
        var mandatoryIn = own.Where(s => s.Entry.Mandatory).Select(s => s.Set).ToList();
        var required = mandatoryIn.Count == sets.Count;
        var facts = new List<string>();
        if (mandatoryIn.Count > 0 && !required) facts.Add($"Mandatory in the parameter {SetNames(mandatoryIn)}.");
        if (own.Select(s => s.Entry.PositionText).Distinct().Count() > 1)
            facts.Add("Position: " + BySet(own.Select(s => (s.Set, s.Entry.PositionText))) + ".");
        if (own.Select(s => s.Entry.PipelineInput).Distinct().Count() > 1)
            facts.Add("Accepts pipeline input: " + BySet(own.Select(s => (s.Set, s.Entry.PipelineInput))) + ".");
        if (p.AcceptedValues.Count > 0) facts.Add("Accepted values: " + string.Join(", ", p.AcceptedValues) + ".");
        if (p.AcceptedRange is not null) facts.Add($"Accepted range: {p.AcceptedRange}.");
        var text = facts.Count == 0 ? description : description + "\n\n" + string.Join(" ", facts);
        var pipeline = new ParameterSetEntry("", false, null,
            own.Any(s => s.Entry.ValueFromPipeline), own.Any(s => s.Entry.ValueFromPipelineByPropertyName)).PipelineInput;
        return ParameterElementOf(p, required ? "true" : "false", own[0].Entry.PositionText, pipeline, text);
    }

    private static string SetNames(IReadOnlyList<string> sets) =>
        sets.Count == 1 ? $"set {sets[0]}" : $"sets {string.Join(", ", sets.Take(sets.Count - 1))} and {sets[^1]}";

    private static string BySet(IEnumerable<(string Set, string Value)> values) =>
        string.Join("; ", values.GroupBy(v => v.Value).Select(g => $"{g.Key} in the parameter {SetNames(g.Select(v => v.Set).ToList())}"));

    private static XElement ParameterElementOf(ParameterMetadata p, string required, string position, string pipelineInput, string? description)
    {
        var element = new XElement(Command + "parameter",
            new XAttribute("required", required),
            new XAttribute("variableLength", p.FullTypeName.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
            new XAttribute("globbing", p.SupportsWildcards ? "true" : "false"),
            new XAttribute("pipelineInput", pipelineInput),
            new XAttribute("position", position),
            new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
            new XElement(Maml + "name", p.Name));
        if (description is not null) element.Add(Description(description));
        // Get-Help writes "-Name <type>" from parameterValue; a switch has none, as in Get-Command -Syntax.
        if (!p.IsSwitch)
        {
            element.Add(new XElement(Command + "parameterValue",
                new XAttribute("required", "true"), new XAttribute("variableLength", "false"), p.TypeName));
        }
        element.Add(TypeElement(p.FullTypeName));
        if (description is not null) element.Add(new XElement(Dev + "defaultValue", p.DefaultValue ?? "None"));
        return element;
    }

    private static XElement ExampleElement(ExampleHelp example) =>
        new(Command + "example",
            new XElement(Maml + "title", $"-------------------------- {example.Title} --------------------------"),
            new XElement(Dev + "code", example.Code),
            new XElement(Dev + "remarks", Paragraphs(example.Remarks)));

    private static XElement TypeElement(string name) =>
        new(Dev + "type", new XElement(Maml + "name", name), new XElement(Maml + "uri"));

    private static XElement Description(string text) => new(Maml + "description", Paragraphs(text));

    private static IEnumerable<XElement> Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => new XElement(Maml + "para", p));
}
