using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using FastTrack.Core.Playbook;

namespace FastTrack.PowerShell.Completion;

/// <summary>Completes -Culture with the cultures the playbook is written in (its languages, and the country form a
/// user types: es-ES), each with its own name as tooltip; another culture falls back to English.</summary>
public sealed class CultureCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionResults.Matching(wordToComplete, PlaybookCatalog.Default.Languages
            .SelectMany(language => new[] { CultureInfo.GetCultureInfo(language), CultureInfo.CreateSpecificCulture(language) })
            .Distinct()
            .Select(c => (c.Name, $"{c.NativeName} ({c.EnglishName})")));
}
