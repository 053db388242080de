using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace FastTrack.PowerShell.Completion;

/// <summary>Completes -Name with the success metrics the plan the command line names already has (a new name adds one).</summary>
public sealed class SuccessMetricNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.Matching(wordToComplete, WorkspacePlans.Named(fakeBoundParameters)
            .SelectMany(p => p.SuccessMetrics)
            .GroupBy(m => m.Name, System.StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, System.StringComparer.CurrentCultureIgnoreCase)
            .Select(g => (g.First().Name, string.Format(CultureInfo.InvariantCulture, "{0}: {1} of {2}{3}", g.First().Name, g.First().Current?.ToString(CultureInfo.InvariantCulture) ?? "-", g.First().Target, g.First().Unit is { } u ? " " + u : ""))));
}
