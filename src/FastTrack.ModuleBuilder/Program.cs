using FastTrack.ModuleBuilder;

// FastTrack.ModuleBuilder help <help-source-folder> <output-maml-file>
//   every *.md in the folder except about_* topics is one cmdlet's help
// FastTrack.ModuleBuilder manifest <source.psd1> <staged.psd1> <version>
try
{
    switch (args)
    {
        case ["help", var source, var output]:
            var commands = Directory.GetFiles(source, "*.md")
                .Where(f => !Path.GetFileName(f).StartsWith("about_", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(MarkdownHelpReader.Read)
                .ToList();
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            MamlWriter.Write(commands).Save(output);
            Console.WriteLine($"help: {commands.Count} commands -> {output}");
            return 0;
        case ["manifest", var source, var destination, var version]:
            ManifestWriter.Write(source, destination, version);
            Console.WriteLine($"manifest: {destination} at version {version}");
            return 0;
        default:
            Console.Error.WriteLine("usage: FastTrack.ModuleBuilder help <help-folder> <maml-file> | manifest <source.psd1> <staged.psd1> <version>");
            return 2;
    }
}
catch (FormatException ex)
{
    // MSBuild shows "error :" lines as build errors; the message names the source file and line.
    Console.Error.WriteLine($"error : {ex.Message}");
    return 1;
}
