using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace FastTrack.PowerShell.Completion;

/// <summary>Shared shape of every completer: prefix match, case-insensitive, whatever quote the user
/// opened with; the completion quoted by <see cref="CommandLineText"/>, so a crafted name stays a string.</summary>
internal static class CompletionResults
{
    /// <summary>Candidates completed and matched by their own text.</summary>
    public static IEnumerable<CompletionResult> Matching(string wordToComplete, IEnumerable<(string Text, string Tooltip)> candidates) =>
        Matching(wordToComplete, candidates.Select(c => (c.Text, c.Text, c.Tooltip, new[] { c.Text })));

    /// <summary>Candidates that can also be found by other names (a tenant id by its customer's name).</summary>
    public static IEnumerable<CompletionResult> Matching(string wordToComplete,
        IEnumerable<(string Text, string ListItem, string Tooltip, string[] MatchedBy)> candidates)
    {
        var pattern = WildcardPattern.Get(CommandLineText.Unquote(wordToComplete) + "*", WildcardOptions.IgnoreCase);
        return candidates
            .Where(c => c.MatchedBy.Any(pattern.IsMatch))
            .Select(c => new CompletionResult(CommandLineText.Quote(c.Text), c.ListItem, CompletionResultType.ParameterValue, c.Tooltip));
    }
}
