using FastTrack.Core.Errors;

namespace FastTrack.Core.Licensing;

/// <summary>Every way a subscribedSkus answer is refused: one id (the method's name) and one text each. The
/// denominator of AU comes from it, so a value it cannot hold is never read as 0.</summary>
public static class LicensingErrors
{
    /// <summary>Not the shape Graph answers GET /subscribedSkus with; <paramref name="where"/> is " (line n, position m)" or empty.</summary>
    public static FtError SubscribedSkusUnreadable(string source, string where, string problem) => new(nameof(SubscribedSkusUnreadable), FtErrorKind.InvalidData, source,
        $"'{source}' is not subscribedSkus JSON{where}: {problem}. Export GET /subscribedSkus again, unedited.");

    public static FtError SubscribedSkuUnitsInvalid(string source, string sku, string field, string problem) => new(nameof(SubscribedSkuUnitsInvalid), FtErrorKind.InvalidData, source,
        $"In '{source}', the subscription {sku} has {field} that {problem}. Graph writes whole numbers there: export GET /subscribedSkus again, unedited.");
}
