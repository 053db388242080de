using System;
using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Stores;

/// <summary>The client of a workspace's container, one per container and process. Signs in with
/// DefaultAzureCredential (a managed identity in Azure Automation or Functions, the Azure CLI or Visual Studio at a
/// desk), unless $env:FASTTRACK_STORAGE_CONNECTION_STRING names the same account: then with its key or SAS (the
/// emulator's development account in tests). The connection string's endpoint is not used: the workspace URL is.</summary>
internal static class BlobContainers
{
    public const string ConnectionStringVariable = "FASTTRACK_STORAGE_CONNECTION_STRING";

    private static readonly ConcurrentDictionary<string, BlobContainerClient> s_clients = new(StringComparer.Ordinal);
    // One for the process: it caches tokens, and building it probes the environment.
    private static readonly Lazy<TokenCredential> s_default = new(() => new DefaultAzureCredential());

    public static BlobContainerClient Get(BlobContainerAddress address)
    {
        var connection = ConnectionString.Parse(Environment.GetEnvironmentVariable(ConnectionStringVariable));
        var useKey = connection is not null && string.Equals(connection.AccountName, address.Account, StringComparison.OrdinalIgnoreCase);
        // Keyed by the credential's kind and a digest of the string, never the string itself.
        var key = address + "|" + (useKey ? connection!.Fingerprint : "default");
        return s_clients.GetOrAdd(key, _ => Create(address, useKey ? connection : null));
    }

    private static BlobContainerClient Create(BlobContainerAddress address, ConnectionString? connection)
    {
        var options = new BlobClientOptions();
        // An account that does not answer fails in seconds, not after the SDK's default 100 s per try.
        options.Retry.MaxRetries = 4;
        options.Retry.Delay = TimeSpan.FromMilliseconds(400);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(8);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        if (connection?.AccountKey is { } accountKey)
            return new BlobContainerClient(address.ContainerUri, new StorageSharedKeyCredential(connection.AccountName, accountKey), options);
        if (connection?.SharedAccessSignature is { } sas)
            return new BlobContainerClient(address.ContainerUri, new AzureSasCredential(sas), options);
        return new BlobContainerClient(address.ContainerUri, s_default.Value, options);
    }
}
