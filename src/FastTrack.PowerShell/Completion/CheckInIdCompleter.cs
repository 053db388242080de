using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace FastTrack.PowerShell.Completion;

/// <summary>Completes a check-in's -Id with the check-ins of the plan the command line names, the planned ones
/// whose day has come first (those are the ones to record), each with its date and status.</summary>
public sealed class CheckInIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var plans = WorkspacePlans.Named(fakeBoundParameters);
        return CompletionResults.Matching(wordToComplete, plans
            .SelectMany(p => p.CheckIns.Select(c => (Plan: p, CheckIn: c)))
            .OrderBy(x => x.CheckIn.Date)
            .Select(x =>
            {
                var number = x.CheckIn.Id.ToString(CultureInfo.InvariantCulture);
                var text = $"{x.CheckIn.Date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {x.CheckIn.Status}" + (plans.Count > 1 ? $" ({x.Plan.Customer})" : "");
                return (number, $"{number} {text}", text, new[] { number });
            }));
    }
}
