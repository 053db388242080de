using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using FastTrack.Core.Playbook;

namespace FastTrack.PowerShell.Completion;

/// <summary>Completes service ids and their aliases (VivaEngage, OfficeProPlus).</summary>
public sealed class ServiceCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.Matching(wordToComplete, PlaybookCatalog.Default.Services.SelectMany(s =>
            ServiceNames.NamesOf(s).Select(n => (n, s.DisplayName(CultureInfo.CurrentUICulture)))));
}
