namespace FastTrack.ModuleBuilder;

/// <summary>One cmdlet's help as the markdown source states it: the prose only. Syntax and parameter attributes
/// are not written there; they come from the cmdlet's metadata (<see cref="CmdletMetadata"/>).</summary>
internal sealed record CommandHelp(
    string Path,
    string Name,
    string Synopsis,
    string Description,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    string Notes,
    IReadOnlyList<LinkHelp> Links);

/// <param name="Remarks">What the example does and what comes out.</param>
internal sealed record ExampleHelp(string Title, string Code, string Remarks);

internal sealed record TypeHelp(string Name, string Description);

/// <param name="Uri">An absolute http(s) address, or empty for a command or about topic named by <paramref name="Text"/>.</param>
internal sealed record LinkHelp(string Text, string Uri);

/// <param name="Line">Where its heading is, for errors.</param>
internal sealed record ParameterHelp(string Name, string Description, int Line);
