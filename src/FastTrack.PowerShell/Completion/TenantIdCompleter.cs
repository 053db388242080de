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
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = wordToComplete.Trim('\'', '"');
        var pattern = WildcardPattern.Get(word + "*", WildcardOptions.IgnoreCase);
        return WorkspacePlans.From(fakeBoundParameters)
            .Where(p => pattern.IsMatch(p.TenantId.ToString()) || pattern.IsMatch(p.Customer) || pattern.IsMatch(p.PrimaryDomain ?? ""))
            .OrderBy(p => p.Customer)
            .Select(p => new CompletionResult(p.TenantId.ToString(), $"{p.Customer} ({p.TenantId})", CompletionResultType.ParameterValue, p.Customer));
    }
}
