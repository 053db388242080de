using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace FastTrack.PowerShell.Completion;

/// <summary>Completes tenant ids from the plans in the workspace; typing a customer name works too.</summary>
public sealed class TenantIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.Matching(wordToComplete, WorkspacePlans.From(fakeBoundParameters)
            .OrderBy(p => p.Customer)
            .Select(p => (p.TenantId.ToString(), $"{p.Customer} ({p.TenantId})", p.Customer,
                new[] { p.TenantId.ToString(), p.Customer, p.PrimaryDomain ?? "" })));
}
