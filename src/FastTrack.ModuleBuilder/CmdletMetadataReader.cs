using System.Globalization;
using System.Reflection;

namespace FastTrack.ModuleBuilder;

/// <summary>Reads the cmdlets of the built module assembly from its metadata alone (MetadataLoadContext): the
/// assembly targets netstandard2.0 against PowerShellStandard.Library, a reference assembly with no runtime, so
/// it cannot be loaded and run here. Properties (then fields) are taken in the order reflection gives them,
/// which is the order PowerShell binds and displays them in.</summary>
internal static class CmdletMetadataReader
{
    private const string Sma = "System.Management.Automation.";

    /// <param name="assemblyPath">The cmdlet assembly.</param>
    /// <param name="references">Every assembly it compiles against (netstandard, System.Management.Automation,
    /// FastTrack.Core and its dependencies), as MSBuild resolved them.</param>
    public static IReadOnlyList<CmdletMetadata> Read(string assemblyPath, IEnumerable<string> references)
    {
        var paths = references.Append(assemblyPath).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths), "netstandard");
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
        return assembly.GetTypes()
            .Where(t => t.IsPublic && !t.IsAbstract && Attribute(t.GetCustomAttributesData(), "CmdletAttribute") is not null)
            .Select(ReadCmdlet)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static CmdletMetadata ReadCmdlet(Type type)
    {
        var cmdlet = Attribute(type.GetCustomAttributesData(), "CmdletAttribute")!;
        var name = $"{cmdlet.ConstructorArguments[0].Value}-{cmdlet.ConstructorArguments[1].Value}";
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance));
        var parameters = members
            .Where(m => m.GetCustomAttributesData().Any(a => IsSma(a, "ParameterAttribute")))
            .Select(m => ReadParameter(name, m))
            .ToList();
        return new CmdletMetadata(
            name,
            Named(cmdlet, "SupportsShouldProcess") is true,
            Named(cmdlet, "ConfirmImpact") is int impact ? ((ConfirmImpactName)impact).ToString() : "Medium",
            Named(cmdlet, "DefaultParameterSetName") as string,
            parameters);
    }

    private static ParameterMetadata ReadParameter(string cmdlet, MemberInfo member)
    {
        var attributes = member.GetCustomAttributesData();
        var type = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
        var sets = attributes.Where(a => IsSma(a, "ParameterAttribute")).Select(a =>
        {
            if (Named(a, "DontShow") is true || Named(a, "ValueFromRemainingArguments") is true)
                throw new FormatException($"{cmdlet} -{member.Name}: DontShow and ValueFromRemainingArguments are not written to help by this builder; teach MamlWriter them first.");
            return new ParameterSetEntry(
                Named(a, "ParameterSetName") as string ?? ParameterMetadata.AllParameterSets,
                Named(a, "Mandatory") is true,
                Named(a, "Position") is int position && position != int.MinValue ? position : null,
                Named(a, "ValueFromPipeline") is true,
                Named(a, "ValueFromPipelineByPropertyName") is true);
        }).ToList();
        if (Attribute(attributes, "PSTypeNameAttribute") is not null)
            throw new FormatException($"{cmdlet} -{member.Name}: [PSTypeName] changes the type Get-Command shows; PowerShellTypeName does not follow it yet.");

        return new ParameterMetadata(
            member.Name,
            PowerShellTypeName.Of(type),
            PowerShellTypeName.FullName(type),
            type.FullName == Sma + "SwitchParameter",
            Attribute(attributes, "AliasAttribute") is { } alias ? Strings(alias.ConstructorArguments[0]) : Array.Empty<string>(),
            sets,
            Attribute(attributes, "SupportsWildcardsAttribute") is not null,
            AcceptedValues(attributes, type),
            Attribute(attributes, "ValidateRangeAttribute") is { } range ? Range(range) : null,
            DefaultValue(attributes, type));
    }

    // [ValidateSet] names them; an enum (also nullable, also an array of it) has its members.
    private static IReadOnlyList<string> AcceptedValues(IList<CustomAttributeData> attributes, Type type)
    {
        if (Attribute(attributes, "ValidateSetAttribute") is { } set) return Strings(set.ConstructorArguments[0]);
        var element = PowerShellTypeName.UnwrapNullable(type.IsArray ? type.GetElementType()! : type);
        element = PowerShellTypeName.UnwrapNullable(element);
        return element.IsEnum
            ? element.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToList()
            : Array.Empty<string>();
    }

    private static string Range(CustomAttributeData range)
    {
        var (min, max) = (Text(range.ConstructorArguments[0]), Text(range.ConstructorArguments[1]));
        return max == int.MaxValue.ToString(CultureInfo.InvariantCulture) ? $"{min} or more" : $"{min} to {max}";
    }

    // [PSDefaultValue(Help = "...")] says it in words, [PSDefaultValue(Value = ...)] as a value; a switch is off.
    private static string? DefaultValue(IList<CustomAttributeData> attributes, Type type)
    {
        if (Attribute(attributes, "PSDefaultValueAttribute") is { } attribute)
        {
            if (Named(attribute, "Help") is string help) return help;
            var value = attribute.NamedArguments.FirstOrDefault(n => n.MemberName == "Value").TypedValue;
            if (value.ArgumentType is not null) return Text(value);
        }
        return type.FullName == Sma + "SwitchParameter" ? "False" : null;
    }

    private static string Text(object? value) => value switch
    {
        CustomAttributeTypedArgument { ArgumentType.IsEnum: true } e =>
            e.ArgumentType.GetFields(BindingFlags.Public | BindingFlags.Static).First(f => Equals(f.GetRawConstantValue(), e.Value)).Name,
        CustomAttributeTypedArgument t => Text(t.Value),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    private static IReadOnlyList<string> Strings(CustomAttributeTypedArgument argument) =>
        argument.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => (string)i.Value!).ToList() : new[] { (string)argument.Value! };

    private static bool IsSma(CustomAttributeData attribute, string name) => attribute.AttributeType.FullName == Sma + name;

    private static CustomAttributeData? Attribute(IEnumerable<CustomAttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => IsSma(a, name));

    private static object? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();

    // System.Management.Automation.ConfirmImpact, by value.
    private enum ConfirmImpactName { None, Low, Medium, High }
}
