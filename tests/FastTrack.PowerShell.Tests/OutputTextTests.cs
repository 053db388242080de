using System.Collections;
using System.Reflection;

namespace FastTrack.PowerShell.Tests;

/// <summary>Issue 17: Export-Csv and ConvertTo-Csv write each property as its value's ToString(). Every type the
/// cmdlets declare as output, and every type reached through its properties, reads as text: each list is a
/// JoinedList (its items joined), each object of the module's own has a ToString of its own. Empty lists and
/// parts no sample fills are checked here too; tests/Pester/Exports.Tests.ps1 checks real objects.</summary>
public sealed class OutputTextTests : IClassFixture<ModuleSession>
{
    private const string JoinedList = "FastTrack.Core.Text.JoinedList`1";
    private readonly ModuleSession _session;

    public OutputTextTests(ModuleSession session) => _session = session;

    [Fact]
    public void Every_output_type_reads_as_text_in_every_property()
    {
        var outputTypes = _session.Run("(Get-Command -Module FastTrack.PowerShell).OutputType.Type").Output
            .Select(o => (Type)o.BaseObject).Where(IsTheModules).Distinct().ToList();
        Assert.Contains(outputTypes, t => t.Name == "CustomerPlan");
        Assert.True(outputTypes.Count >= 17, $"found {outputTypes.Count} output types");

        var unreadable = new List<string>();
        var seen = new HashSet<Type>();
        foreach (var type in outputTypes) Check(type, seen, unreadable);
        Assert.True(seen.Count > outputTypes.Count, "the walk reaches the parts of the output types");
        Assert.True(unreadable.Count == 0, string.Join(Environment.NewLine, unreadable));
    }

    private static void Check(Type type, HashSet<Type> seen, List<string> unreadable)
    {
        if (!seen.Add(type)) return;
        if (type.GetMethod(nameof(ToString), Type.EmptyTypes)!.DeclaringType != type)
        {
            unreadable.Add($"{type.Name} has no ToString of its own: it is written as its type name");
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (valueType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(valueType))
            {
                if (!valueType.IsGenericType || valueType.GetGenericTypeDefinition().FullName != JoinedList)
                {
                    unreadable.Add($"{type.Name}.{property.Name} is a {valueType.Name}, not a JoinedList: it is written as its type name");
                    continue;
                }
                valueType = valueType.GetGenericArguments()[0];
                valueType = Nullable.GetUnderlyingType(valueType) ?? valueType;
            }
            if (IsTheModules(valueType) && !valueType.IsEnum) Check(valueType, seen, unreadable);
        }
    }

    private static bool IsTheModules(Type type) => type.Namespace?.StartsWith("FastTrack.", StringComparison.Ordinal) == true;
}
