using FastTrack.ModuleBuilder;

// FastTrack.ModuleBuilder help <help-source-folder> <cmdlet-assembly> <reference-list-file> <source.psd1> <output-maml-file>
//   every *.md in the folder except about_* topics is one cmdlet's help (its prose); the syntax and parameter
//   attributes come from the cmdlets of the assembly, read with the assemblies it compiles against (one path a
//   line in the list file); the manifest gives the project's address for Get-Help -Online
// FastTrack.ModuleBuilder manifest <source.psd1> <staged.psd1> <version>
try
{
    switch (args)
    {
        case ["help", var source, var assembly, var referenceList, var manifest, var output]:
            var errors = new List<string>();
            var help = new List<CommandHelp>();
            foreach (var file in Directory.GetFiles(source, "*.md")
                         .Where(f => !Path.GetFileName(f).StartsWith("about_", StringComparison.OrdinalIgnoreCase))
                         .OrderBy(f => f, StringComparer.Ordinal))
            {
                try
                {
                    help.Add(MarkdownHelpReader.Read(file));
                }
                catch (FormatException ex)
                {
                    errors.Add(ex.Message); // read every file: one build shows every broken one
                }
            }
            var references = File.ReadAllLines(referenceList).Where(l => l.Trim().Length > 0);
            var cmdlets = CmdletMetadataReader.Read(assembly, references);
            errors.AddRange(HelpSourceCheck.Errors(source, help, cmdlets));
            if (errors.Count > 0)
            {
                // MSBuild shows "error :" lines as build errors; each names the help file (and line).
                foreach (var error in errors) Console.Error.WriteLine($"error : {error}");
                return 1;
            }
            var commands = help.Select(h => (h, cmdlets.Single(c => c.Name == h.Name)));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            MamlWriter.Write(commands, OnlineHelp.Uri(manifest)).Save(output);
            Console.WriteLine($"help: {help.Count} commands -> {output}");
            return 0;
        case ["manifest", var source, var destination, var version]:
            ManifestWriter.Write(source, destination, version);
            Console.WriteLine($"manifest: {destination} at version {version}");
            return 0;
        default:
            Console.Error.WriteLine("usage: FastTrack.ModuleBuilder help <help-folder> <cmdlet-assembly> <reference-list> <source.psd1> <maml-file> | manifest <source.psd1> <staged.psd1> <version>");
            return 2;
    }
}
catch (FormatException ex)
{
    // MSBuild shows "error :" lines as build errors; the message names the source file and line.
    Console.Error.WriteLine($"error : {ex.Message}");
    return 1;
}
