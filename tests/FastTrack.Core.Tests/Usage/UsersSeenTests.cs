using FastTrack.Core.UsageReports;

namespace FastTrack.Core.Tests.Usage;

/// <summary>The table that finds a user listed twice: no false repeat among many distinct names, a repeat
/// whatever the case, and the rows of the first repeat in report order.</summary>
public sealed class UsersSeenTests
{
    private static ulong Hash(string user, string? qualifier = null) => UsersSeen.Hash(user.AsSpan(), qualifier.AsSpan());

    [Fact]
    public void Distinct_names_are_no_repeat()
    {
        var seen = new UsersSeen();
        var names = Enumerable.Range(0, 1_000_000).Select(i => (i % 4) switch { 0 => $"avery.smith.{i:000000}@contoso.com", 1 => $"u{i}@x.y", 2 => $"ÉLODIE.{i}@exemple.fr", _ => $"{i:X8}{i:X8}{i:X8}{i:X8}" }).ToList();
        for (var i = 0; i < names.Count; i++) seen.Add(Hash(names[i]), i + 1);
        Assert.Null(seen.FindRepeat());
        Assert.Equal(names.Count, seen.CountDistinct());
    }

    [Theory]
    [InlineData("ana@contoso.com", "ANA@CONTOSO.COM")]
    [InlineData("élodie@exemple.fr", "ÉLODIE@EXEMPLE.FR")]
    [InlineData("a", "A")]
    public void Names_that_differ_only_in_case_are_the_same_user(string one, string other) => Assert.Equal(Hash(one), Hash(other));

    [Theory]
    [InlineData("ana@contoso.com", null, "ana@contoso.co", "m")]
    [InlineData("a^b@x", null, "a~b@x", null)]      // SWAR upper-casing touches letters only
    [InlineData("a@b", null, "a`b", null)]
    [InlineData("abcd", null, "abcde", null)]
    [InlineData("", "x", "x", null)]
    public void Different_keys_hash_differently(string user, string? qualifier, string otherUser, string? otherQualifier) =>
        Assert.NotEqual(Hash(user, qualifier), Hash(otherUser, otherQualifier));

    [Fact]
    public void The_first_repeat_in_report_order_is_found_with_both_rows()
    {
        var seen = new UsersSeen();
        var rows = new[] { "a", "b", "c", "d", "c", "b", "e" };
        for (var i = 0; i < rows.Length; i++) seen.Add(Hash(rows[i]), i + 1);
        Assert.Equal((3L, 5L), seen.FindRepeat());
        Assert.Equal(5, seen.CountDistinct());
        seen.Clear();
        seen.Add(Hash("a"), 1);
        Assert.Null(seen.FindRepeat());
    }

    /// <summary>A measurement gives its tables' arrays back to the shared pools when it is done (issue 18): a table
    /// given back is empty, and used again it grows from the pools and finds repeats as before.</summary>
    [Fact]
    public void A_table_given_back_to_the_pools_is_empty_and_works_again()
    {
        var seen = new UsersSeen();
        seen.Reserve(5000);
        for (var i = 0; i < 5000; i++) seen.Add(Hash($"user{i}"), i + 1);
        seen.Add(Hash("user17"), 5001);
        Assert.Equal((18L, 5001L), seen.FindRepeat());
        seen.Release();
        Assert.Equal(0, seen.CountDistinct());
        for (var i = 0; i < 3000; i++) seen.Add(Hash($"other{i}"), i + 1);
        Assert.Null(seen.FindRepeat());
        Assert.Equal(3000, seen.CountDistinct());
        seen.Add(Hash("OTHER2999"), 3001);
        Assert.Equal((3000L, 3001L), seen.FindRepeat());
        seen.Release();
    }
}
