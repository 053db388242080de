using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace FastTrack.PowerShell.Completion;

/// <summary>Shared shape of every completer: prefix match, case-insensitive, quoted when needed.</summary>
internal static class CompletionResults
{
    public static IEnumerable<CompletionResult> Matching(string wordToComplete, IEnumerable<(string Text, string Tooltip)> candidates)
    {
        var word = wordToComplete.Trim('\'', '"');
        var pattern = WildcardPattern.Get(word + "*", WildcardOptions.IgnoreCase);
        return candidates
            .Where(c => pattern.IsMatch(c.Text))
            .Select(c => new CompletionResult(Quote(c.Text), c.Text, CompletionResultType.ParameterValue, c.Tooltip));
    }

    private static string Quote(string text) =>
        text.Any(ch => char.IsWhiteSpace(ch) || "'\"`$(){};,|&@#".Contains(ch)) ? "'" + text.Replace("'", "''") + "'" : text;
}
