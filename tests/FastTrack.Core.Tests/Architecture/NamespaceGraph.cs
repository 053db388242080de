using System.Reflection;
using System.Reflection.Emit;

namespace FastTrack.Core.Tests.Architecture;

/// <summary>Which namespaces of an assembly use which: every type's base, interfaces, fields, properties,
/// method signatures and the members its method bodies touch (read from their IL).</summary>
internal static class NamespaceGraph
{
    private static readonly Dictionary<short, OpCode> s_opCodes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    public static Dictionary<string, HashSet<string>> Of(Assembly assembly, string prefix)
    {
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var type in assembly.GetTypes())
        {
            var from = Namespace(type);
            if (from is null || !from.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (!graph.TryGetValue(from, out var edges)) graph[from] = edges = new HashSet<string>();
            foreach (var used in Uses(type))
            {
                if (Namespace(used) is { } to && to != from && to.StartsWith(prefix, StringComparison.Ordinal)) edges.Add(to);
            }
        }
        return graph;
    }

    /// <summary>A cycle of namespaces, or null when there is none.</summary>
    public static IReadOnlyList<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>(); // 1 visiting, 2 done
        var path = new Stack<string>();
        IReadOnlyList<string>? Visit(string node)
        {
            state[node] = 1;
            path.Push(node);
            foreach (var next in graph.TryGetValue(node, out var e) ? e.OrderBy(x => x) : Enumerable.Empty<string>())
            {
                if (state.TryGetValue(next, out var s) && s == 1)
                    return path.Reverse().SkipWhile(n => n != next).Append(next).ToList();
                if (!state.ContainsKey(next) && Visit(next) is { } cycle) return cycle;
            }
            path.Pop();
            state[node] = 2;
            return null;
        }
        foreach (var node in graph.Keys.OrderBy(k => k))
        {
            if (!state.ContainsKey(node) && Visit(node) is { } cycle) return cycle;
        }
        return null;
    }

    private static string? Namespace(Type type)
    {
        while (type.IsNested) type = type.DeclaringType!;
        return type.Namespace;
    }

    private static IEnumerable<Type> Uses(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is { } b) foreach (var t in Expand(b)) yield return t;
        foreach (var i in type.GetInterfaces()) foreach (var t in Expand(i)) yield return t;
        foreach (var f in type.GetFields(all)) foreach (var t in Expand(f.FieldType)) yield return t;
        foreach (var p in type.GetProperties(all)) foreach (var t in Expand(p.PropertyType)) yield return t;
        foreach (var m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (m is MethodInfo mi) foreach (var t in Expand(mi.ReturnType)) yield return t;
            foreach (var p in m.GetParameters()) foreach (var t in Expand(p.ParameterType)) yield return t;
            foreach (var t in BodyUses(m)) yield return t;
        }
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType) { foreach (var t in Expand(type.GetElementType()!)) yield return t; yield break; }
        if (type.IsGenericParameter) yield break;
        yield return type;
        if (type.IsGenericType) foreach (var a in type.GetGenericArguments()) foreach (var t in Expand(a)) yield return t;
    }

    // The members an IL body touches: calls, new objects, fields, type tokens (casts, typeof, boxing).
    private static IEnumerable<Type> BodyUses(MethodBase method)
    {
        byte[]? il;
        try { il = method.GetMethodBody()?.GetILAsByteArray(); }
        catch (Exception) { return Array.Empty<Type>(); }
        if (il is null) return Array.Empty<Type>();
        var found = new List<Type>();
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : il[i];
            if (!s_opCodes.TryGetValue(value, out var op)) break;
            i += op.Size;
            switch (op.OperandType)
            {
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    try
                    {
                        var member = method.Module.ResolveMember(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
                        if (member is Type t) found.AddRange(Expand(t));
                        else if (member?.DeclaringType is { } d) found.AddRange(Expand(d));
                    }
                    catch (ArgumentException) { }
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8:
                case OperandType.InlineR: i += 8; break;
                default: i += 4; break;
            }
        }
        return found;
    }
}
