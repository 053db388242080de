using System.Globalization;
using System.Net;

namespace FastTrack.GraphEmulator;

/// <summary>The control channel of the out-of-process emulator (Program.cs): faults and network conditions in,
/// requests and the download key out. Never delayed by <see cref="Latency"/>.</summary>
public sealed partial class GraphEmulator
{
    private async Task<int> Control(HttpListenerContext context, string path)
    {
        switch (path)
        {
            case "/emulator/faults":
                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    // pathContains|kind|value|times   kind: status (value "429:7" = status 429, Retry-After 7), reset, slow (seconds), truncate (bytes)
                    var f = (await reader.ReadToEndAsync().ConfigureAwait(false)).Trim().Split('|');
                    Fault fault = f[1] switch
                    {
                        "status" => new StatusFault(int.Parse(f[2].Split(':')[0], CultureInfo.InvariantCulture), f[2].Contains(':') ? int.Parse(f[2].Split(':')[1], CultureInfo.InvariantCulture) : null),
                        "reset" => new ConnectionResetFault(),
                        "slow" => new SlowBodyFault(TimeSpan.FromSeconds(double.Parse(f[2], CultureInfo.InvariantCulture))),
                        _ => new TruncatedBodyFault(int.Parse(f[2], CultureInfo.InvariantCulture)),
                    };
                    Faults.Add(f[0], fault, int.Parse(f[3], CultureInfo.InvariantCulture));
                }
                return await Answers.Json(context.Response, "{}").ConfigureAwait(false);
            case "/emulator/network":
                // latencyMs|bytesPerSecond (0: no cap)
                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    var n = (await reader.ReadToEndAsync().ConfigureAwait(false)).Trim().Split('|');
                    Latency = TimeSpan.FromMilliseconds(double.Parse(n[0], CultureInfo.InvariantCulture));
                    var rate = long.Parse(n[1], CultureInfo.InvariantCulture);
                    BandwidthBytesPerSecond = rate > 0 ? rate : null;
                }
                return await Answers.Json(context.Response, "{}").ConfigureAwait(false);
            case "/emulator/requests":
                return await Answers.Json(context.Response, System.Text.Json.JsonSerializer.Serialize(Requests)).ConfigureAwait(false);
            case "/emulator/secret":
                return await Answers.Json(context.Response, System.Text.Json.JsonSerializer.Serialize(DownloadSecret)).ConfigureAwait(false);
            case "/emulator/mail":
                return await Answers.Json(context.Response, System.Text.Json.JsonSerializer.Serialize(Mail)).ConfigureAwait(false);
            case "/emulator/posts":
                return await Answers.Json(context.Response, System.Text.Json.JsonSerializer.Serialize(Posts)).ConfigureAwait(false);
            case "/emulator/webhook":
                return await Answers.Json(context.Response, System.Text.Json.JsonSerializer.Serialize(WebhookUrl.ToString())).ConfigureAwait(false);
            case "/emulator/concealed":
                DisplayConcealedNames = true;
                return await Answers.Json(context.Response, "{}").ConfigureAwait(false);
            default:
                return await Answers.Error(context.Response, 404, "NotFound", "No such control.").ConfigureAwait(false);
        }
    }
}
