namespace FastTrack.ModuleBuilder;

/// <summary>A cmdlet's syntax as PowerShell itself derives it from the metadata: one form per parameter set, the
/// sets in Get-Command's order, the parameters of each in Get-Command -Syntax's order.</summary>
internal static class CommandSyntax
{
    internal sealed record SyntaxParameter(ParameterMetadata Parameter, ParameterSetEntry Entry);

    internal sealed record SyntaxForm(string SetName, IReadOnlyList<SyntaxParameter> Parameters);

    /// <summary>The parameter sets in the order PowerShell numbers them (MergedCommandParameterMetadata
    /// .GenerateParameterSetMappingFromMetadata): the default set first, then each set as the parameters, in
    /// binding order, first name it; with no named set, the one set __AllParameterSets.</summary>
    public static IReadOnlyList<string> ParameterSets(CmdletMetadata cmdlet)
    {
        var sets = new List<string>();
        if (!string.IsNullOrEmpty(cmdlet.DefaultParameterSetName)) sets.Add(cmdlet.DefaultParameterSetName);
        foreach (var entry in cmdlet.BindableParameters.SelectMany(p => p.Sets))
        {
            if (entry.SetName != ParameterMetadata.AllParameterSets && !sets.Contains(entry.SetName)) sets.Add(entry.SetName);
        }
        if (sets.Count == 0) sets.Add(ParameterMetadata.AllParameterSets);
        return sets;
    }

    /// <summary>Each form lists positional parameters by position, then the named mandatory ones, then the other
    /// named ones, each group in binding order (CommandParameterSetInfo.GenerateParametersInDisplayOrder);
    /// -WhatIf and -Confirm come after the cmdlet's own, as PowerShell adds them after.</summary>
    public static IReadOnlyList<SyntaxForm> Forms(CmdletMetadata cmdlet) =>
        ParameterSets(cmdlet).Select(set =>
        {
            var members = cmdlet.BindableParameters
                .Select(p => p.In(set) is { } entry ? new SyntaxParameter(p, entry) : null)
                .OfType<SyntaxParameter>()
                .ToList();
            var ordered = members.Where(m => m.Entry.Position is not null).OrderBy(m => m.Entry.Position)
                .Concat(members.Where(m => m.Entry.Position is null && m.Entry.Mandatory))
                .Concat(members.Where(m => m.Entry.Position is null && !m.Entry.Mandatory))
                .ToList();
            return new SyntaxForm(set, ordered);
        }).ToList();
}
