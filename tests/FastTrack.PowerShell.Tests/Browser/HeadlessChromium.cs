using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace FastTrack.PowerShell.Tests.Browser;

/// <summary>Debian's Chromium, headless, driven over the DevTools protocol: open a page, collect console
/// errors, exceptions and network requests, evaluate script, take a screenshot.</summary>
public sealed class HeadlessChromium : IDisposable
{
    private readonly Process _process;
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "fasttrack-chromium-" + Guid.NewGuid().ToString("N"));
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly ConcurrentQueue<JsonNode> _events = new();
    private readonly CancellationTokenSource _stop = new();
    private int _nextId;

    public HeadlessChromium()
    {
        var binary = FindBinary()
            ?? throw new InvalidOperationException("Chromium is not installed: `apt-get install chromium` (.ci/run does it).");
        Directory.CreateDirectory(_profile);
        var start = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                                    "--user-data-dir=" + _profile, "--remote-debugging-port=0", "--window-size=1200,900", "about:blank" })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();

        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
        {
            if (DateTime.UtcNow > deadline || _process.HasExited) throw new InvalidOperationException("Chromium did not open its DevTools port.");
            Thread.Sleep(50);
        }
        var port = int.Parse(File.ReadAllLines(portFile)[0]);
        using var http = new HttpClient();
        JsonArray targets;
        do
        {
            targets = JsonNode.Parse(http.GetStringAsync($"http://127.0.0.1:{port}/json/list").GetAwaiter().GetResult())!.AsArray();
        }
        while (!targets.Any(t => (string?)t!["type"] == "page") && DateTime.UtcNow < deadline);
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        _socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None).GetAwaiter().GetResult();
        _ = Task.Run(Receive);
        foreach (var domain in new[] { "Runtime", "Log", "Network", "Page" }) Send(domain + ".enable");
    }

    /// <summary>Debian's Chromium, or null when it is not installed.</summary>
    public static string? FindBinary() => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    public IEnumerable<JsonNode> Events => _events;

    /// <summary>Console errors, uncaught exceptions and browser log errors (a CSP violation is one).</summary>
    public IReadOnlyList<string> Errors => _events.Where(e =>
            ((string?)e["method"] == "Runtime.consoleAPICalled" && (string?)e["params"]!["type"] is "error" or "assert")
            || (string?)e["method"] == "Runtime.exceptionThrown"
            || ((string?)e["method"] == "Log.entryAdded" && (string?)e["params"]!["entry"]!["level"] == "error"))
        .Select(e => e.ToJsonString()).ToList();

    /// <summary>Every URL the page asked the network for.</summary>
    public IReadOnlyList<string> Requests => _events.Where(e => (string?)e["method"] == "Network.requestWillBeSent")
        .Select(e => (string)e["params"]!["request"]!["url"]!).ToList();

    public void Open(string path)
    {
        var url = new Uri(path).AbsoluteUri;
        Send("Page.navigate", new JsonObject { ["url"] = url });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_events.Any(e => (string?)e["method"] == "Page.loadEventFired"))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The page did not load.");
            Thread.Sleep(20);
        }
        Thread.Sleep(200); // let late console messages arrive
    }

    public JsonNode? Evaluate(string expression)
    {
        var result = Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result?["exceptionDetails"] is { } error) throw new InvalidOperationException("Script failed: " + error.ToJsonString());
        return result?["result"]?["value"];
    }

    public byte[] Screenshot()
    {
        var result = Send("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        return Convert.FromBase64String((string)result!["data"]!);
    }

    public JsonNode? Send(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        lock (_socket) _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None).GetAwaiter().GetResult();
        if (!reply.Task.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException(method + " got no answer.");
        return reply.Task.Result;
    }

    private async Task Receive()
    {
        var buffer = new byte[1 << 20];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var read = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (read.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, read.Count);
                if (!read.EndOfMessage) continue;
                var node = JsonNode.Parse(message.ToArray())!;
                message.SetLength(0);
                if (node["id"] is { } id && _pending.TryRemove((int)id, out var reply))
                {
                    if (node["error"] is { } error) reply.SetException(new InvalidOperationException(error.ToJsonString()));
                    else reply.SetResult(node["result"]);
                }
                else _events.Enqueue(node);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested || _socket.State != WebSocketState.Open) { }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _process.Kill(entireProcessTree: true); _process.WaitForExit(5000); } catch (InvalidOperationException) { }
        _process.Dispose();
        _socket.Dispose();
        try { Directory.Delete(_profile, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
