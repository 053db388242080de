using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace FastTrack.PowerShell.Completion;

/// <summary>Completes the tenant ids of this session's connections, matching names and domains too.</summary>
public sealed class ConnectionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.Matching(wordToComplete, Infrastructure.FtSession.Connections.All
            .Select(c => (c.TenantId.ToString(), c.TenantId.ToString(), c.ToString(),
                new[] { c.TenantId.ToString(), c.DisplayName ?? "", c.DefaultDomain ?? "" })));
}
