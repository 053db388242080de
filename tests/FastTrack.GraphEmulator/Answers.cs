using System.Net;
using System.Text;

namespace FastTrack.GraphEmulator;

/// <summary>Graph's JSON answers: a value, or an error in its OData shape.</summary>
internal static class Answers
{
    public static async Task<int> Json(HttpListenerResponse response, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
        return 200;
    }

    public static async Task<int> Csv(HttpListenerResponse response, string csv)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        response.StatusCode = 200;
        response.ContentType = "application/octet-stream";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
        return 200;
    }

    public static async Task<int> Error(HttpListenerResponse response, int status, string code, string message)
    {
        var body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"innerError\":{\"request-id\":\"" + Guid.NewGuid() + "\"}}}";
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
        return status;
    }
}
