using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Storage;
using Azure.Storage.Blobs;

namespace FastTrack.Tests.Shared;

/// <summary>Azurite, the Azure Storage emulator (npm package azurite, installed by .ci/run into tools/azurite), as
/// a process of its own: its blob service only, on loopback, on a port the system picks, in memory, started once
/// for a test collection and stopped after it. Tests get a fresh container each, and the development account's
/// connection string for FASTTRACK_STORAGE_CONNECTION_STRING (its key is Azurite's public, documented one).</summary>
public sealed class Azurite : IDisposable
{
    public const string Account = "devstoreaccount1";
    // Azurite's well-known development key, the same for every installation (learn.microsoft.com, "Use Azurite").
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process _process;
    private int _containers;

    public Azurite()
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(
            "Azurite is not installed: run `npm ci --prefix tools/azurite` (.ci/run does), or set FASTTRACK_AZURITE to its azurite-blob.");
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--blobHost", "127.0.0.1", "--blobPort", "0", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry" })
            info.ArgumentList.Add(arg);
        _process = Process.Start(info)!;
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) listening.TrySetException(new InvalidOperationException("Azurite exited before it listened"));
            else if (Regex.Match(e.Data, @"listens on (http://127\.0\.0\.1:\d+)") is { Success: true } m) listening.TrySetResult(m.Groups[1].Value);
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            if (!listening.Task.Wait(TimeSpan.FromSeconds(60))) throw new InvalidOperationException("Azurite did not listen within a minute");
        }
        catch
        {
            Dispose();
            throw;
        }
        Endpoint = new Uri(listening.Task.Result + "/" + Account);
        Service = new BlobServiceClient(Endpoint, new StorageSharedKeyCredential(Account, DevelopmentKey));
    }

    /// <summary>http://127.0.0.1:&lt;port&gt;/devstoreaccount1</summary>
    public Uri Endpoint { get; } = null!;
    public BlobServiceClient Service { get; } = null!;

    /// <summary>The value of FASTTRACK_STORAGE_CONNECTION_STRING for this emulator.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={DevelopmentKey};BlobEndpoint={Endpoint};";

    /// <summary>A new, empty container; its URL is a workspace.</summary>
    public BlobContainerClient NewContainer()
    {
        var container = Service.GetBlobContainerClient($"ws{Interlocked.Increment(ref _containers)}-{Guid.NewGuid().ToString("N").Substring(0, 20)}");
        container.Create();
        return container;
    }

    /// <summary>azurite-blob from tools/azurite, or FASTTRACK_AZURITE; null when neither is there.</summary>
    public static string? FindBinary()
    {
        var given = Environment.GetEnvironmentVariable("FASTTRACK_AZURITE");
        if (!string.IsNullOrEmpty(given)) return File.Exists(given) ? given : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "azurite", "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-blob.cmd" : "azurite-blob");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Skip (saying why) when Azurite is not installed, except in CI (FASTTRACK_REQUIRE_AZURITE=1), where it fails.</summary>
    public static string? SkipReason =>
        FindBinary() is null && Environment.GetEnvironmentVariable("FASTTRACK_REQUIRE_AZURITE") != "1"
            ? "Azurite is not installed (npm ci --prefix tools/azurite); the blob workspace tests need it"
            : null;

    public void Dispose()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}

public sealed class AzuriteFactAttribute : FactAttribute
{
    public AzuriteFactAttribute() => Skip = Azurite.SkipReason;
}

public sealed class AzuriteTheoryAttribute : TheoryAttribute
{
    public AzuriteTheoryAttribute() => Skip = Azurite.SkipReason;
}

/// <summary>One Azurite for a test collection, started only when a test first asks for it (the folder cases of the
/// same tests never need it). FASTTRACK_STORAGE_CONNECTION_STRING points the module at it, for this process.</summary>
public sealed class AzuriteFixture : IDisposable
{
    private readonly Lazy<Azurite> _emulator = new(() =>
    {
        var started = new Azurite();
        Environment.SetEnvironmentVariable("FASTTRACK_STORAGE_CONNECTION_STRING", started.ConnectionString);
        return started;
    });

    public Azurite Emulator => _emulator.Value;

    /// <summary>Whether the blob cases run: Azurite is installed, or CI requires it (and then fails without it).</summary>
    public static bool Available => Azurite.SkipReason is null;

    public void Dispose()
    {
        if (_emulator.IsValueCreated) _emulator.Value.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
