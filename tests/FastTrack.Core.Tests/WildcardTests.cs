using FastTrack.Core.Text;

namespace FastTrack.Core.Tests;

public sealed class WildcardTests
{
    [Theory]
    [InlineData("Contoso*", "contoso ltd", true)]
    [InlineData("Contoso*", "Fabrikam", false)]
    [InlineData("?abrikam", "Fabrikam", true)]
    [InlineData("[cf]*", "Fabrikam", true)]
    [InlineData("[a-c]*", "Fabrikam", false)]
    [InlineData("Contoso", "CONTOSO", true)]
    [InlineData("Contoso", "Contoso Ltd", false)]
    [InlineData("a.b*", "axb", false)]
    public void Matches_like_PowerShell(string pattern, string candidate, bool expected) =>
        Assert.Equal(expected, new Wildcard(pattern).IsMatch(candidate));
}
