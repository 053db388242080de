using System.Text.RegularExpressions;

namespace FastTrack.Core.Tests.Playbook;

/// <summary>Reads a playbook page's markdown as the page states it: approach sections with their role,
/// motions and applies-to lines, body text and FTOP task tables, and the key inputs and outcomes lists.
/// The tests compare the catalogue with this, so a catalogue edit that drifts from the page fails.</summary>
internal sealed class PlaybookPage
{
    public sealed record Section(string Heading, string Role, string Motions, string AppliesTo, List<string> Body, List<TaskRow> Tasks);

    public sealed record TaskRow(int Id, string Name, string Requirement, string Role, string Services);

    public List<Section> Sections { get; } = new();
    public Dictionary<string, List<string>> Lists { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static PlaybookPage Read(string path)
    {
        var page = new PlaybookPage();
        Section? section = null;
        List<string>? list = null;
        var continuesParagraph = false; // markdown wraps long paragraphs over several lines
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = Normalize(raw);
            if (raw.StartsWith("## ", StringComparison.Ordinal))
            {
                section = null;
                list = new List<string>();
                page.Lists[line[3..].Trim()] = list;
                continue;
            }
            if (raw.StartsWith("### ", StringComparison.Ordinal))
            {
                section = new Section(line[4..].Trim(), "", "", "", new(), new());
                page.Sections.Add(section);
                list = null;
                continue;
            }
            if (raw.StartsWith("#### ", StringComparison.Ordinal)) continue;
            if (section is not null)
            {
                var label = Regex.Match(line, @"^(?<label>[^:]+):\s*(?<value>.+)$");
                if (line.StartsWith("|", StringComparison.Ordinal))
                {
                    var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                    if (int.TryParse(cells[0], out var id))
                        section.Tasks.Add(new TaskRow(id, cells[1], cells[2], cells[3], cells[4]));
                }
                else if (label.Success && section.Body.Count == 0 && IsLabel(label.Groups["label"].Value, "Primary Role", "Rol principal"))
                    page.Sections[^1] = section = section with { Role = label.Groups["value"].Value };
                else if (label.Success && section.Body.Count == 0 && IsLabel(label.Groups["label"].Value, "Motions", "Iniciativas"))
                    page.Sections[^1] = section = section with { Motions = label.Groups["value"].Value };
                else if (label.Success && section.Body.Count == 0 && IsLabel(label.Groups["label"].Value, "Applies To", "Aplicar a"))
                    page.Sections[^1] = section = section with { AppliesTo = label.Groups["value"].Value };
                else if (line.Length > 0 && continuesParagraph && !line.StartsWith("- ", StringComparison.Ordinal))
                    section.Body[^1] += " " + line;
                else if (line.Length > 0)
                    section.Body.Add(line.TrimStart('-', ' '));
                continuesParagraph = line.Length > 0 && !line.StartsWith("|", StringComparison.Ordinal) && section.Body.Count > 0;
            }
            else if (list is not null && line.StartsWith("- ", StringComparison.Ordinal))
            {
                list.Add(line[2..].Trim());
            }
        }
        return page;
    }

    private static bool IsLabel(string label, params string[] names) => names.Any(n => string.Equals(label.Trim(), n, StringComparison.OrdinalIgnoreCase));

    /// <summary>Plain text: no markdown emphasis or links, no zero-width spaces, single spaces.</summary>
    public static string Normalize(string text)
    {
        text = text.Replace("\u200B", "").Replace("**", "");
        text = Regex.Replace(text, @"\[(?<t>[^\]]*)\]\([^)]*\)", "${t}");
        return Regex.Replace(text, @"\s+", " ").Trim(); // \s covers the Spanish page's no-break spaces
    }
}
