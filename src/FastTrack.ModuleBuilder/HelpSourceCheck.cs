namespace FastTrack.ModuleBuilder;

/// <summary>Holds the help source to the cmdlets: one file per cmdlet, named after it, describing exactly the
/// parameters the cmdlet declares (-WhatIf and -Confirm are PowerShell's and described by Get-Help's syntax),
/// and related links that name commands of the module or about topics. Every mismatch is one error naming
/// the file, so a renamed, added or removed parameter fails the build until its help follows.</summary>
internal static class HelpSourceCheck
{
    public static IReadOnlyList<string> Errors(string helpFolder, IReadOnlyList<CommandHelp> help, IReadOnlyList<CmdletMetadata> cmdlets)
    {
        var errors = new List<string>();
        var byName = cmdlets.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var command in help)
        {
            var expectedFile = command.Name + ".md";
            if (!string.Equals(Path.GetFileName(command.Path), expectedFile, StringComparison.Ordinal))
                errors.Add($"{command.Path}: its title is '{command.Name}', so the file must be named {expectedFile}.");
            if (!byName.TryGetValue(command.Name, out var cmdlet))
            {
                errors.Add($"{command.Path}: {command.Name} is not a cmdlet of the module; remove the file or fix its title.");
                continue;
            }
            if (cmdlet.Name != command.Name)
                errors.Add($"{command.Path}: the cmdlet is spelled {cmdlet.Name}.");
            foreach (var parameter in command.Parameters)
            {
                if (!cmdlet.Parameters.Any(p => p.Name == parameter.Name))
                    errors.Add($"{command.Path}({parameter.Line}): {command.Name} has no parameter -{parameter.Name}; remove its section (or fix its spelling).");
            }
            foreach (var parameter in cmdlet.Parameters.Where(p => !command.Parameters.Any(d => d.Name == p.Name)))
                errors.Add($"{command.Path}: {command.Name} has a parameter -{parameter.Name} that is not described; add '### -{parameter.Name}' and its description under ## PARAMETERS.");
            foreach (var duplicate in command.Parameters.GroupBy(p => p.Name).Where(g => g.Count() > 1))
                errors.Add($"{command.Path}({duplicate.Last().Line}): -{duplicate.Key} is described twice.");
            foreach (var link in command.Links.Where(l => l.Uri.Length == 0 && !l.Text.StartsWith("about_", StringComparison.Ordinal) && !byName.ContainsKey(l.Text)))
                errors.Add($"{command.Path}: the related link '{link.Text}' is not a command of the module.");
        }
        // A file that exists but could not be read has its own error already.
        foreach (var cmdlet in cmdlets.Where(c => !help.Any(h => string.Equals(h.Name, c.Name, StringComparison.OrdinalIgnoreCase))
                                                  && !File.Exists(Path.Combine(helpFolder, c.Name + ".md"))))
            errors.Add($"{Path.Combine(helpFolder, cmdlet.Name + ".md")}: missing: the cmdlet {cmdlet.Name} has no help source.");
        return errors;
    }
}
