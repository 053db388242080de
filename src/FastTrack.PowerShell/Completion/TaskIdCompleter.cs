using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using FastTrack.Core.Playbook;

namespace FastTrack.PowerShell.Completion;

/// <summary>Completes FTOP task ids with the task name as tooltip.</summary>
public sealed class TaskIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.Matching(wordToComplete,
            PlaybookCatalog.Default.Tasks.Select(t => (t.Id.ToString(CultureInfo.InvariantCulture), t.Name(CultureInfo.CurrentUICulture))));
}
