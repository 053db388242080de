using System.Net;
using System.Text;

namespace FastTrack.GraphEmulator;

/// <summary>Graph's answers: a JSON value, a small CSV report, or an error in its OData shape.</summary>
internal static class Answers
{
    public static Task<int> Json(HttpListenerResponse response, string json) => Send(response, 200, json, "application/json");

    public static Task<int> Csv(HttpListenerResponse response, string csv) => Send(response, 200, csv, "application/octet-stream");

    public static Task<int> Error(HttpListenerResponse response, int status, string code, string message) =>
        Send(response, status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"innerError\":{\"request-id\":\"" + Guid.NewGuid() + "\"}}}", "application/json");

    private static async Task<int> Send(HttpListenerResponse response, int status, string text, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
        return status;
    }
}
