using System.Text;
using System.Text.RegularExpressions;

namespace FastTrack.ModuleBuilder;

/// <summary>Reads the prose of help markdown in platyPS's layout (## SYNOPSIS, ## DESCRIPTION, ## EXAMPLES/### title
/// with a code block and its explanation, ## PARAMETERS/### -Name with its description, ## INPUTS, ## OUTPUTS,
/// ## NOTES, ## RELATED LINKS). There is no ## SYNTAX and no yaml block of parameter attributes: those come from
/// the cmdlet itself, and a source that still states them is refused rather than left to drift. Errors name the
/// file and line, so a broken help source fails the build with a message a contributor can act on.</summary>
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
        if (sections.TryGetValue("SYNTAX", out var syntax))
            throw new FormatException($"{path}({syntax.FirstLine}): remove the SYNTAX section: the build writes the syntax from the cmdlet's parameter attributes.");

        return new CommandHelp(
            path,
            title,
            synopsis,
            Section("DESCRIPTION"),
            ReadExamples(path, sections),
            ReadParameters(path, sections),
            ReadTypes(sections, "INPUTS"),
            ReadTypes(sections, "OUTPUTS"),
            Section("NOTES"),
            ReadLinks(path, sections));
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
            var remarks = JoinText(rest);
            if (remarks.Length == 0)
                throw new FormatException($"{path}({example.FirstLine}): example '{title}' does not explain itself: under its code block, say what it does and what comes out.");
            examples.Add(new ExampleHelp(title, code, remarks));
        }
        return examples;
    }

    private static List<ParameterHelp> ReadParameters(string path, Dictionary<string, Block> sections)
    {
        if (!sections.TryGetValue("PARAMETERS", out var block)) return new();
        var parameters = new List<ParameterHelp>();
        foreach (var (heading, parameter) in SplitSections(block.Lines, "### ", block.FirstLine))
        {
            var where = $"{path}({parameter.FirstLine})";
            if (!heading.StartsWith('-'))
                throw new FormatException($"{where}: '### {heading}' is not a parameter; Get-Help describes the common parameters itself.");
            var (fence, rest) = TakeFence(parameter.Lines);
            if (fence is not null)
                throw new FormatException($"{where}: remove the code block of {heading}: its type, sets, position, pipeline input and aliases come from the cmdlet's attributes.");
            var description = JoinText(rest);
            if (description.Length == 0) throw new FormatException($"{where}: parameter {heading} has no description.");
            parameters.Add(new ParameterHelp(heading[1..], description, parameter.FirstLine));
        }
        return parameters;
    }

    private static List<TypeHelp> ReadTypes(Dictionary<string, Block> sections, string name) =>
        sections.TryGetValue(name, out var block)
            ? SplitSections(block.Lines, "### ").Select(t => new TypeHelp(t.Key, JoinText(t.Value.Lines))).ToList()
            : new();

    // "- Name" names a command or about topic; "- [text](https://...)" is a web page. A link to a file (Get-X.md)
    // would be the online address Get-Help -Online opens, and fail there.
    private static List<LinkHelp> ReadLinks(string path, Dictionary<string, Block> sections)
    {
        if (!sections.TryGetValue("RELATED LINKS", out var block)) return new();
        var links = new List<LinkHelp>();
        var web = new Regex(@"^\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)$");
        for (var i = 0; i < block.Lines.Count; i++)
        {
            var line = block.Lines[i].Trim();
            if (line.Length == 0) continue;
            var where = $"{path}({block.FirstLine + i + 1})";
            if (!line.StartsWith("- ", StringComparison.Ordinal))
                throw new FormatException($"{where}: a related link is a list item: '- Command-Name' or '- [text](https://...)'.");
            var item = line[2..].Trim();
            var match = web.Match(item);
            if (match.Success)
            {
                var uri = match.Groups["uri"].Value;
                if (!Uri.TryCreate(uri, UriKind.Absolute, out var absolute) || absolute.Scheme is not ("https" or "http"))
                    throw new FormatException($"{where}: '{uri}' is not a web address; name a command as '- {match.Groups["text"].Value}'.");
                links.Add(new LinkHelp(match.Groups["text"].Value, uri));
            }
            else if (Regex.IsMatch(item, @"^[A-Za-z]+-[A-Za-z0-9]+$|^about_[A-Za-z0-9_]+$"))
            {
                links.Add(new LinkHelp(item, ""));
            }
            else
            {
                throw new FormatException($"{where}: '{item}' is neither a command or about topic name nor a [text](https://...) link.");
            }
        }
        return links;
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
