using System.Xml.Linq;

namespace FastTrack.ModuleBuilder;

/// <summary>Writes PowerShell's MAML command help (the format Get-Help reads for binary modules).</summary>
internal static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Write(IEnumerable<CommandHelp> commands) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(CommandElement)));

    private static XElement CommandElement(CommandHelp help)
    {
        var dash = help.Name.IndexOf('-');
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", help.Name[..dash]),
                new XElement(Command + "noun", help.Name[(dash + 1)..]),
                Description(help.Synopsis)),
            Description(help.Description),
            new XElement(Command + "syntax", SyntaxItems(help)),
            new XElement(Command + "parameters", help.Parameters.Select(p => ParameterElement(p, p.Position))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t =>
                new XElement(Command + "inputType", TypeElement(t.Name), Description(t.Description)))),
            new XElement(Command + "returnValues", help.Outputs.Select(t =>
                new XElement(Command + "returnValue", TypeElement(t.Name), Description(t.Description)))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(help.Notes))),
            new XElement(Command + "examples", help.Examples.Select(ExampleElement)),
            new XElement(Command + "relatedLinks", help.Links.Select(l =>
                new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", l.Text), new XElement(Maml + "uri", l.Uri)))));
    }

    // One syntax line per parameter set; "(All)" parameters belong to every set.
    private static IEnumerable<XElement> SyntaxItems(CommandHelp help)
    {
        var sets = help.Parameters.SelectMany(p => p.ParameterSets).Where(s => s != "(All)").Distinct().ToList();
        if (sets.Count == 0) sets.Add("(All)");
        foreach (var set in sets)
        {
            var members = help.Parameters.Where(p => p.ParameterSets.Contains(set) || p.ParameterSets.Contains("(All)"));
            yield return new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", help.Name),
                members.Select(p => ParameterElement(p, p.Position)));
        }
    }

    private static XElement ParameterElement(ParameterHelp p, string position)
    {
        var element = new XElement(Command + "parameter",
            new XAttribute("required", p.Required ? "true" : "false"),
            new XAttribute("variableLength", p.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
            new XAttribute("globbing", p.Wildcards ? "true" : "false"),
            new XAttribute("pipelineInput", p.PipelineInput),
            new XAttribute("position", position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : position),
            new XAttribute("aliases", p.Aliases.Length == 0 ? "none" : p.Aliases),
            new XElement(Maml + "name", p.Name),
            Description(p.Description));
        if (!p.IsSwitch)
        {
            element.Add(new XElement(Command + "parameterValue",
                new XAttribute("required", "true"), new XAttribute("variableLength", "false"), p.Type));
        }
        element.Add(TypeElement(p.Type), new XElement(Dev + "defaultValue", p.DefaultValue));
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
