namespace FastTrack.ModuleBuilder;

/// <summary>A cmdlet as its attributes declare it: the one source of its syntax and parameter attributes in help.</summary>
internal sealed record CmdletMetadata(
    string Name,
    bool SupportsShouldProcess,
    string ConfirmImpact,
    string? DefaultParameterSetName,
    IReadOnlyList<ParameterMetadata> Parameters)
{
    /// <summary>The parameters PowerShell adds to a cmdlet that supports ShouldProcess, after its own.</summary>
    public IEnumerable<ParameterMetadata> BindableParameters => SupportsShouldProcess
        ? Parameters.Concat(new[] { ParameterMetadata.ShouldProcess("WhatIf", "wi"), ParameterMetadata.ShouldProcess("Confirm", "cf") })
        : Parameters;
}

/// <summary>One parameter: its type in Get-Command's notation, and what each [Parameter] attribute says for its set.</summary>
internal sealed record ParameterMetadata(
    string Name,
    string TypeName,
    string FullTypeName,
    bool IsSwitch,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ParameterSetEntry> Sets,
    bool SupportsWildcards,
    IReadOnlyList<string> AcceptedValues,
    string? AcceptedRange,
    string? DefaultValue)
{
    public const string AllParameterSets = "__AllParameterSets";

    /// <summary>What this parameter declares for <paramref name="set"/>: its own entry, else its all-sets entry.</summary>
    public ParameterSetEntry? In(string set) =>
        Sets.FirstOrDefault(s => s.SetName == set) ?? Sets.FirstOrDefault(s => s.SetName == AllParameterSets);

    /// <summary>-WhatIf or -Confirm as PowerShell adds them: in every set, named, optional. They are in the syntax
    /// only; the help source does not describe them (Get-Help treats them as common parameters).</summary>
    public static ParameterMetadata ShouldProcess(string name, string alias) =>
        new(name, "switch", "System.Management.Automation.SwitchParameter", true, new[] { alias },
            new[] { new ParameterSetEntry(AllParameterSets, false, null, false, false) }, false, Array.Empty<string>(), null, null);
}

/// <summary>One [Parameter] attribute: the set it is for, and mandatory, position (null: named) and pipeline input there.</summary>
internal sealed record ParameterSetEntry(string SetName, bool Mandatory, int? Position, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName)
{
    public string PipelineInput => (ValueFromPipeline, ValueFromPipelineByPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    public string PositionText => Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named";
}
