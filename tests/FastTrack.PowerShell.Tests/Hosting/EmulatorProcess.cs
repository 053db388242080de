using System.Diagnostics;
using System.Reflection;
using System.Security;
using System.Text.Json;

namespace FastTrack.PowerShell.Tests.Hosting;

/// <summary>The loopback Graph emulator in a process of its own (its copy of the core must not share this
/// test host's load context with the module's private one), driven through its control endpoints.</summary>
public sealed class EmulatorProcess : IDisposable
{
    private static readonly HttpClient Http = new();
    private readonly Process _process;

    public EmulatorProcess(Guid tenantId, string customer, string domain, string token, int users = 300)
    {
        TenantId = tenantId;
        Token = token;
        var dll = typeof(EmulatorProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "GraphEmulator").Value!;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--tenant-id", tenantId.ToString(), "--customer", customer, "--domain", domain, "--token", token, "--users", users.ToString(), "--copilot-page-size", "15" })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        var ready = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The Graph emulator did not start.");
        BaseAddress = new Uri(ready.Substring("READY ".Length));
    }

    public Guid TenantId { get; }
    public string Token { get; }
    public Uri BaseAddress { get; }

    public SecureString SecureToken => Secure(Token);

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>pathContains|status|429:7|times, pathContains|reset||1, pathContains|slow|20|1, pathContains|truncate|300|1.</summary>
    public void AddFault(string spec) =>
        Http.PostAsync(new Uri(BaseAddress, "emulator/faults"), new StringContent(spec)).GetAwaiter().GetResult().EnsureSuccessStatusCode();

    public IReadOnlyList<JsonElement> Requests() =>
        JsonSerializer.Deserialize<List<JsonElement>>(Http.GetStringAsync(new Uri(BaseAddress, "emulator/requests")).GetAwaiter().GetResult())!;

    /// <summary>The messages sent through sendMail: Mailbox, TenantId, Body (the JSON the SDK posted).</summary>
    public IReadOnlyList<JsonElement> Mail() =>
        JsonSerializer.Deserialize<List<JsonElement>>(Http.GetStringAsync(new Uri(BaseAddress, "emulator/mail")).GetAwaiter().GetResult())!;

    /// <summary>What the loopback Teams webhook accepted: ContentType, Body.</summary>
    public IReadOnlyList<JsonElement> Posts() =>
        JsonSerializer.Deserialize<List<JsonElement>>(Http.GetStringAsync(new Uri(BaseAddress, "emulator/posts")).GetAwaiter().GetResult())!;

    /// <summary>The loopback webhook's URL, with its secret signature in the query.</summary>
    public string WebhookUrl => JsonSerializer.Deserialize<string>(Http.GetStringAsync(new Uri(BaseAddress, "emulator/webhook")).GetAwaiter().GetResult())!;

    public string DownloadSecret => JsonSerializer.Deserialize<string>(Http.GetStringAsync(new Uri(BaseAddress, "emulator/secret")).GetAwaiter().GetResult())!;

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
