using System.Collections.Generic;

namespace FastTrack.Core.Text;

/// <summary>A list that reads as its items joined with ", ". Export-Csv and ConvertTo-Csv write each property
/// as its value's ToString(), where a List or an array writes only its .NET type name
/// (System.Collections.Generic.List`1[...]). It stays a List: PowerShell enumerates, filters, sorts and binds
/// its items as themselves, and JSON writes it and reads it back as an array.</summary>
public sealed class JoinedList<T> : List<T>
{
    public JoinedList() { }

    public JoinedList(IEnumerable<T> items) : base(items) { }

    public override string ToString() => string.Join(", ", this);
}

public static class JoinedList
{
    public static JoinedList<T> ToJoinedList<T>(this IEnumerable<T> items) => new(items);

    public static JoinedList<T> Of<T>(params T[] items) => new(items);
}
