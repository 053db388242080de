using System.Text.RegularExpressions;

namespace FastTrack.Core.Graph;

/// <summary>Defence in depth for text that may have passed near a secret: bearer tokens, JWTs, and the
/// query strings of URLs (Graph's report downloads are pre-authenticated by theirs) are cut out before
/// anything reaches a message, a log or -Verbose.</summary>
public static class SecretText
{
    private static readonly Regex Bearer = new(@"Bearer\s+[A-Za-z0-9\-\._~\+/=]+", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex Jwt = new(@"eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*", RegexOptions.Compiled);
    private static readonly Regex UrlQuery = new(@"(https?://[^\s\?""'<>]+)\?[^\s""'<>]*", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var redacted = Bearer.Replace(text, "Bearer [redacted]");
        redacted = Jwt.Replace(redacted, "[redacted token]");
        return UrlQuery.Replace(redacted, "$1?[redacted]");
    }
}
