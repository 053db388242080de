using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using FastTrack.Core.Playbook;

namespace FastTrack.PowerShell.Completion;

/// <summary>Completes activity ids (CsmHandshake, ...) with their names as tooltips.</summary>
public sealed class ActivityCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.Matching(wordToComplete,
            PlaybookCatalog.Default.Activities.Select(a => (a.Id, a.Name(CultureInfo.CurrentUICulture))));
}
