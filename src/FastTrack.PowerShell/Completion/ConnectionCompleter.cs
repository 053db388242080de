using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using FastTrack.Core.Graph;

namespace FastTrack.PowerShell.Completion;

/// <summary>Completes the tenant ids of this session's connections, matching names and domains too.</summary>
public sealed class ConnectionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = wordToComplete.Trim('\'', '"');
        return TenantConnections.All
            .Where(c => c.TenantId.ToString().StartsWith(word, System.StringComparison.OrdinalIgnoreCase)
                || (c.DisplayName ?? "").StartsWith(word, System.StringComparison.OrdinalIgnoreCase)
                || (c.DefaultDomain ?? "").StartsWith(word, System.StringComparison.OrdinalIgnoreCase))
            .Select(c => new CompletionResult(c.TenantId.ToString(), c.TenantId.ToString(), CompletionResultType.ParameterValue, c.ToString()));
    }
}
