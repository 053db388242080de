using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace FastTrack.PowerShell.Completion;

/// <summary>Completes customer names from the plans in the workspace.</summary>
public sealed class CustomerNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.Matching(wordToComplete, WorkspacePlans.From(fakeBoundParameters)
            .OrderBy(p => p.Customer).Select(p => (p.Customer, $"{p.Customer} ({p.TenantId})")));
}
