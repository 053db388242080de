using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace FastTrack.PowerShell.Completion;

/// <summary>Completes a blocker's -Id with the open blockers of the plan the command line names (-TenantId, else
/// every plan of the workspace), their description in the list and as tooltip.</summary>
public sealed class BlockerIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var plans = WorkspacePlans.Named(fakeBoundParameters);
        return CompletionResults.Matching(wordToComplete, plans
            .SelectMany(p => p.OpenBlockers.Select(b => (Plan: p, Blocker: b)))
            .OrderBy(x => x.Blocker.Id)
            .Select(x =>
            {
                var number = x.Blocker.Id.ToString(CultureInfo.InvariantCulture);
                var text = plans.Count > 1 ? $"{x.Plan.Customer}: {x.Blocker.Description}" : x.Blocker.Description;
                return (number, $"{number} {text}", text, new[] { number });
            }));
    }
}
