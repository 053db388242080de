using System.Net.Http;

namespace FastTrack.Core.Graph;

internal static class HttpRequests
{
    /// <summary>A copy of a request to send again: a report GET, or the POST of a mail with its
    /// <paramref name="body"/> (read once before the first attempt: a sent content cannot be read again).</summary>
    public static HttpRequestMessage Clone(HttpRequestMessage request, byte[]? body = null)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers) clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        if (body is not null && request.Content is { } content)
        {
            clone.Content = new ByteArrayContent(body);
            foreach (var header in content.Headers) clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
#if NETSTANDARD2_0
        foreach (var property in request.Properties) clone.Properties[property.Key] = property.Value;
#endif
        return clone;
    }

    /// <summary>The request for a log line: method and path, never the query (downloads carry their key there).</summary>
    public static string Describe(HttpRequestMessage request) => $"{request.Method} {request.RequestUri?.GetLeftPart(System.UriPartial.Path)}";
}
