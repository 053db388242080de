using System.Net.Http;

namespace FastTrack.Core.Graph;

internal static class HttpRequests
{
    /// <summary>A copy of a body-less request (every call this module makes is a GET) to send again.</summary>
    public static HttpRequestMessage Clone(HttpRequestMessage request)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers) clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
#if NETSTANDARD2_0
        foreach (var property in request.Properties) clone.Properties[property.Key] = property.Value;
#endif
        return clone;
    }

    /// <summary>The request for a log line: method and path, never the query (downloads carry their key there).</summary>
    public static string Describe(HttpRequestMessage request) => $"{request.Method} {request.RequestUri?.GetLeftPart(System.UriPartial.Path)}";
}
