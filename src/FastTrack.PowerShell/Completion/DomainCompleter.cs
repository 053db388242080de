using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace FastTrack.PowerShell.Completion;

/// <summary>Completes primary domains from the plans in the workspace.</summary>
public sealed class DomainCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.Matching(wordToComplete, WorkspacePlans.From(fakeBoundParameters)
            .Where(p => p.PrimaryDomain is not null).OrderBy(p => p.PrimaryDomain).Select(p => (p.PrimaryDomain!, p.Customer)));
}
