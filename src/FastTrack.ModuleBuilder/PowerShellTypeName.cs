using System.Text;

namespace FastTrack.ModuleBuilder;

/// <summary>A parameter's type as Get-Command -Syntax writes it (CommandParameterSetInfo.GetParameterTypeString):
/// Nullable unwrapped, PowerShell's type accelerator where it has one (the first name it registers for the
/// type), else the name without its namespace; arrays as T[], generics as Name[Arg,Arg].</summary>
internal static class PowerShellTypeName
{
    // PowerShell 7's built-in accelerators for types (not attributes), first name per type, by full type name.
    private static readonly Dictionary<string, string> s_accelerators = new(StringComparer.Ordinal)
    {
        ["System.Array"] = "array",
        ["System.Boolean"] = "bool",
        ["System.Byte"] = "byte",
        ["System.Char"] = "char",
        ["System.DateTime"] = "datetime",
        ["System.Decimal"] = "decimal",
        ["System.Double"] = "double",
        ["System.Single"] = "float",
        ["System.Guid"] = "guid",
        ["System.Collections.Hashtable"] = "hashtable",
        ["System.Int32"] = "int",
        ["System.Int16"] = "short",
        ["System.Int64"] = "long",
        ["System.Net.IPEndPoint"] = "IPEndpoint",
        ["System.Collections.Specialized.OrderedDictionary"] = "ordered",
        ["System.Management.Automation.PSCredential"] = "pscredential",
        ["System.Management.Automation.PSObject"] = "psobject",
        ["System.Management.Automation.PSReference"] = "ref",
        ["System.Text.RegularExpressions.Regex"] = "regex",
        ["System.SByte"] = "sbyte",
        ["System.String"] = "string",
        ["System.Management.Automation.SwitchParameter"] = "switch",
        ["System.Globalization.CultureInfo"] = "cultureinfo",
        ["System.Numerics.BigInteger"] = "bigint",
        ["System.Security.SecureString"] = "securestring",
        ["System.TimeSpan"] = "timespan",
        ["System.UInt16"] = "ushort",
        ["System.UInt32"] = "uint",
        ["System.UInt64"] = "ulong",
        ["System.Uri"] = "uri",
        ["System.Version"] = "version",
        ["System.Net.IPAddress"] = "ipaddress",
        ["System.Management.Automation.WildcardPattern"] = "WildcardPattern",
        ["System.Security.Cryptography.X509Certificates.X509Certificate"] = "X509Certificate",
        ["System.Security.Cryptography.X509Certificates.X500DistinguishedName"] = "X500DistinguishedName",
        ["System.Xml.XmlDocument"] = "xml",
        ["System.Net.Mail.MailAddress"] = "mailaddress",
        ["System.Management.Automation.SemanticVersion"] = "semver",
        ["System.Management.Automation.ScriptBlock"] = "scriptblock",
        ["System.Type"] = "type",
    };

    public static string Of(Type parameterType) => Render(UnwrapNullable(parameterType));

    /// <summary>The full .NET name, Nullable unwrapped: what the parameter takes.</summary>
    public static string FullName(Type parameterType) => UnwrapNullable(parameterType).ToString();

    public static Type UnwrapNullable(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0] : type;

    private static string Render(Type type)
    {
        if (type.IsArray)
            return Render(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            var definition = Render(type.GetGenericTypeDefinition());
            var cut = definition.LastIndexOf(type.IsNested ? '[' : '`');
            var name = new StringBuilder(cut < 0 ? definition : definition[..cut]).Append('[');
            name.AppendJoin(',', type.GetGenericArguments().Select(Render));
            return name.Append(']').ToString();
        }
        if (type.FullName is { } full && s_accelerators.TryGetValue(full, out var accelerator)) return accelerator;
        if (!type.IsNested) return type.Name;
        var text = type.ToString();
        return type.Namespace is null ? text : text[(type.Namespace.Length + 1)..];
    }
}
