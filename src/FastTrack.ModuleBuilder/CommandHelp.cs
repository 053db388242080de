namespace FastTrack.ModuleBuilder;

/// <summary>One cmdlet's help as the markdown source states it.</summary>
internal sealed record CommandHelp(
    string Name,
    string Synopsis,
    string Description,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    string Notes,
    IReadOnlyList<LinkHelp> Links);

internal sealed record ExampleHelp(string Title, string Code, string Remarks);

internal sealed record TypeHelp(string Name, string Description);

internal sealed record LinkHelp(string Text, string Uri);

/// <summary>A parameter with the fields of platyPS's yaml block.</summary>
internal sealed record ParameterHelp(
    string Name,
    string Description,
    string Type,
    IReadOnlyList<string> ParameterSets,
    string Aliases,
    bool Required,
    string Position,
    string DefaultValue,
    string PipelineInput,
    bool Wildcards)
{
    public bool IsSwitch => Type is "SwitchParameter" or "System.Management.Automation.SwitchParameter";
}
