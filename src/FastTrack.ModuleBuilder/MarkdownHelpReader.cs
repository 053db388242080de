using System.Text;
using System.Text.RegularExpressions;

namespace FastTrack.ModuleBuilder;

/// <summary>Reads help markdown in platyPS's layout (## SYNOPSIS, ## EXAMPLES/### Example, ## PARAMETERS/
/// ### -Name with a yaml block). Errors name the file and line, so a broken help source fails the build
/// with a message a contributor can act on.</summary>
internal static class MarkdownHelpReader
{
    public static CommandHelp Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var sections = SplitSections(lines, "## ");
        string Section(string name) => sections.TryGetValue(name, out var s) ? JoinText(s.Lines) : "";
        var title = lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim()
            ?? throw new FormatException($"{path}: no '# <Command-Name>' title line.");
        var synopsis = Section("SYNOPSIS");
        if (synopsis.Length == 0) throw new FormatException($"{path}: the SYNOPSIS section is empty.");

        return new CommandHelp(
            title,
            synopsis,
            Section("DESCRIPTION"),
            ReadExamples(path, sections),
            ReadParameters(path, sections),
            ReadTypes(sections, "INPUTS"),
            ReadTypes(sections, "OUTPUTS"),
            Section("NOTES"),
            ReadLinks(sections));
    }

    private sealed record Block(int FirstLine, List<string> Lines);

    private static Dictionary<string, Block> SplitSections(IReadOnlyList<string> lines, string marker, int offset = 0)
    {
        var result = new Dictionary<string, Block>(StringComparer.OrdinalIgnoreCase);
        Block? current = null;
        var inFence = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            if (!inFence && line.StartsWith(marker, StringComparison.Ordinal))
            {
                current = new Block(offset + i + 1, new List<string>());
                result[line[marker.Length..].Trim()] = current;
                continue;
            }
            current?.Lines.Add(line);
        }
        return result;
    }

    private static List<ExampleHelp> ReadExamples(string path, Dictionary<string, Block> sections)
    {
        if (!sections.TryGetValue("EXAMPLES", out var block)) return new();
        var examples = new List<ExampleHelp>();
        foreach (var (title, example) in SplitSections(block.Lines, "### ", block.FirstLine))
        {
            var (code, rest) = TakeFence(example.Lines);
            if (code is null) throw new FormatException($"{path}({example.FirstLine}): example '{title}' has no ```powershell code block.");
            examples.Add(new ExampleHelp(title, code, JoinText(rest)));
        }
        return examples;
    }

    private static List<ParameterHelp> ReadParameters(string path, Dictionary<string, Block> sections)
    {
        if (!sections.TryGetValue("PARAMETERS", out var block)) return new();
        var parameters = new List<ParameterHelp>();
        foreach (var (heading, parameter) in SplitSections(block.Lines, "### ", block.FirstLine))
        {
            if (!heading.StartsWith('-')) continue; // "### CommonParameters"
            var (yaml, rest) = TakeFence(parameter.Lines);
            if (yaml is null) throw new FormatException($"{path}({parameter.FirstLine}): parameter {heading} has no ```yaml block.");
            var fields = yaml.Split('\n')
                .Select(l => l.Split(':', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            string Field(string name, string fallback = "") => fields.TryGetValue(name, out var v) && v.Length > 0 ? v : fallback;
            var description = JoinText(rest);
            if (description.Length == 0) throw new FormatException($"{path}({parameter.FirstLine}): parameter {heading} has no description.");
            parameters.Add(new ParameterHelp(
                heading[1..],
                description,
                Field("Type", "Object"),
                Field("Parameter Sets", "(All)").Split(',').Select(s => s.Trim()).ToArray(),
                Field("Aliases"),
                bool.TryParse(Field("Required", "False"), out var required) && required,
                Field("Position", "Named"),
                Field("Default value", "None"),
                Field("Accept pipeline input", "False"),
                bool.TryParse(Field("Accept wildcard characters", "False"), out var wildcards) && wildcards));
        }
        return parameters;
    }

    private static List<TypeHelp> ReadTypes(Dictionary<string, Block> sections, string name) =>
        sections.TryGetValue(name, out var block)
            ? SplitSections(block.Lines, "### ").Select(t => new TypeHelp(t.Key, JoinText(t.Value.Lines))).ToList()
            : new();

    private static List<LinkHelp> ReadLinks(Dictionary<string, Block> sections)
    {
        if (!sections.TryGetValue("RELATED LINKS", out var block)) return new();
        var link = new Regex(@"^\s*[-*]?\s*\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)");
        return block.Lines.Select(l => link.Match(l)).Where(m => m.Success)
            .Select(m => new LinkHelp(m.Groups["text"].Value, m.Groups["uri"].Value)).ToList();
    }

    private static (string? Fence, List<string> Remainder) TakeFence(List<string> lines)
    {
        var start = lines.FindIndex(l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        if (start < 0) return (null, lines);
        var end = lines.FindIndex(start + 1, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        if (end < 0) end = lines.Count;
        var fence = string.Join("\n", lines.Skip(start + 1).Take(end - start - 1));
        var rest = lines.Take(start).Concat(lines.Skip(end + 1)).ToList();
        return (fence, rest);
    }

    // Paragraphs are separated by blank lines; lines within one are joined, as Get-Help rewraps them.
    internal static string JoinText(IEnumerable<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                if (current.Length > 0) paragraphs.Add(current.ToString());
                current.Clear();
                continue;
            }
            if (current.Length > 0) current.Append(line.StartsWith("- ", StringComparison.Ordinal) ? "\n" : " ");
            current.Append(line);
        }
        if (current.Length > 0) paragraphs.Add(current.ToString());
        return string.Join("\n\n", paragraphs);
    }
}
