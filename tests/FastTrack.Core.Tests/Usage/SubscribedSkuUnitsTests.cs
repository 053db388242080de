using FastTrack.Core.Errors;
using FastTrack.Core.Usage;
using FastTrack.Core.Licensing;

namespace FastTrack.Core.Tests.Usage;

/// <summary>Units are the AU denominator: a value that is not a whole count of licences is refused naming the
/// file and the subscription, never a raw exception or a silent 0 (issue 15, finding 8).</summary>
public sealed class SubscribedSkuUnitsTests : IDisposable
{
    private readonly ReportFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Skus(string enabled, string consumed = "4") => $$"""
        {"value":[{"accountId":"dcd219dd-bc68-4b9b-bf0b-4a33a796be35","capabilityStatus":"Enabled","consumedUnits":{{consumed}},"skuPartNumber":"SPE_E3",
          "skuId":"05e9a617-0261-4cee-bb44-138d3ef5d965","prepaidUnits":{"enabled":{{enabled}},"suspended":0,"warning":0},
          "servicePlans":[{"servicePlanId":"57ff2da0-773e-42df-b2af-ffb7a2317929","servicePlanName":"TEAMS1","provisioningStatus":"Success","appliesTo":"User"}]}]}
        """;

    [Theory]
    [InlineData("\"abc\"")]        // FormatException
    [InlineData("1e20")]           // OverflowException
    [InlineData("99999999999")]    // OverflowException
    [InlineData("123456789012345678901234567890")] // a BigInteger
    [InlineData("-5")]             // a negative denominator
    [InlineData("2.5")]
    [InlineData("\"20\"")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("true")]
    public void Enabled_units_that_are_not_a_count_are_refused_naming_the_file_and_the_sku(string enabled)
    {
        var error = Assert.Throws<FtException>(() => SubscribedSkuParser.Parse(Skus(enabled), "skus.json")).Error;
        Assert.Equal("SubscribedSkuUnitsInvalid", error.ErrorId);
        Assert.Contains("'skus.json'", error.Message);
        Assert.Contains("SPE_E3 (05e9a617-0261-4cee-bb44-138d3ef5d965)", error.Message);
        Assert.Contains("prepaidUnits.enabled", error.Message);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"x\"")]
    [InlineData("-1")]
    public void Consumed_units_that_are_not_a_count_are_refused_and_absent_ones_are_zero(string consumed)
    {
        if (consumed == "null") Assert.Equal(0, SubscribedSkuParser.Parse(Skus("20", consumed), "skus.json").Single().ConsumedUnits);
        else Assert.Equal("SubscribedSkuUnitsInvalid", Assert.Throws<FtException>(() => SubscribedSkuParser.Parse(Skus("20", consumed), "skus.json")).Error.ErrorId);
    }

    [Fact]
    public void A_subscription_without_enabled_units_is_refused_not_counted_as_zero()
    {
        var error = Assert.Throws<FtException>(() => SubscribedSkuParser.Parse(Skus("20").Replace("\"enabled\":20,", ""), "skus.json")).Error;
        Assert.Equal("SubscribedSkuUnitsInvalid", error.ErrorId);
        Assert.Contains("is missing", error.Message);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("25", 25)]
    [InlineData("25.0", 25)]
    [InlineData("2147483647", int.MaxValue)]
    public void Whole_counts_are_read(string enabled, int units) =>
        Assert.Equal(units, SubscribedSkuParser.Parse(Skus(enabled), "skus.json").Single().EnabledUnits);

    [Fact]
    public void A_name_that_is_not_text_is_unreadable_json_not_an_exception()
    {
        var error = Assert.Throws<FtException>(() => SubscribedSkuParser.Parse(Skus("20").Replace("\"SPE_E3\"", "{\"x\":1}"), "skus.json")).Error;
        Assert.Equal("SubscribedSkusUnreadable", error.ErrorId);
        Assert.Contains("skuPartNumber", error.Message);
    }

    [Fact]
    public void The_folder_refuses_the_measurement_naming_the_json()
    {
        _folder.Write("teams.csv", ReportFolder.TeamsHeader, ReportFolder.TeamsRow("ana@contoso.com"));
        File.WriteAllText(_folder.File("skus.json"), Skus("\"abc\""));
        var error = Assert.Throws<FtException>(() => new FolderUsageSource(_folder.Path)).Error;
        Assert.Equal("SubscribedSkuUnitsInvalid", error.ErrorId);
        Assert.Contains("skus.json", error.Message);
    }
}
