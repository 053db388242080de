using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FastTrack.Core.Errors;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Stores;

/// <summary>Plans as blobs in a container, laid out like the folder: <c>plans/&lt;tenant&gt;.json</c>, the previous version
/// as <c>plans/&lt;tenant&gt;.json.bak</c>, removed plans under <c>plans/removed/</c>. Each write is one PUT (whole or
/// absent: a plan is far below the single-upload limit), made on the condition that the blob is still the one read
/// (If-Match its ETag; If-None-Match * for a new plan). A writer that loses the race reads the newer blob and
/// applies its change again, so concurrent changes all land, one after another, with no lock to leave behind.</summary>
internal sealed class BlobPlanStorage : IPlanStorage
{
    private const string Plans = "plans/";
    private readonly BlobContainerClient _container;
    private readonly BlobContainerAddress _address;

    public BlobPlanStorage(BlobContainerAddress address, BlobContainerClient container)
    {
        _address = address;
        _container = container;
    }

    public string Location => _address.ToString();

    public string PlanLocation(Guid tenantId) => $"{_address}/{BlobName(tenantId)}";

    public string BackupLocation(Guid tenantId) => PlanLocation(tenantId) + ".bak";

    public FtError? Missing()
    {
        try
        {
            _container.GetProperties();
            return null;
        }
        catch (Exception ex) when (BlobCalls.Map(ex, _address, "reading the container") is { } mapped)
        {
            return mapped.Error;
        }
    }

    public IEnumerable<Guid> List()
    {
        using var pages = Call("listing the plans", () => _container.GetBlobsByHierarchy(BlobTraits.None, BlobStates.None, "/", Plans).GetEnumerator());
        while (Call("listing the plans", pages.MoveNext))
        {
            var item = pages.Current;
            if (!item.IsBlob || !item.Blob.Name.EndsWith(".json", StringComparison.Ordinal)) continue;
            var name = item.Blob.Name.Substring(Plans.Length, item.Blob.Name.Length - Plans.Length - ".json".Length);
            if (Guid.TryParse(name, out var tenantId) && tenantId.ToString("D") == name) yield return tenantId;
        }
    }

    public string? Read(Guid tenantId) => Download(_container.GetBlobClient(BlobName(tenantId)), "reading a plan")?.Text;

    public T Change<T>(Guid tenantId, TimeSpan wait, Func<IPlanSlot, T> change)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return change(new BlobPlanSlot(this, tenantId));
            }
            catch (RequestFailedException ex) when (BlobCalls.IsLostRace(ex))
            {
                if (clock.Elapsed > wait)
                    throw WorkspaceErrors.PlanLocked($"The plan of tenant {tenantId}", "other writers, whose changes kept landing first", wait).ToException(ex);
                // Jittered and growing: writers that collided spread out instead of colliding again.
                Thread.Sleep(random.Next(5, 20 * Math.Min(attempt, 8)));
            }
            catch (Exception ex) when (BlobCalls.Map(ex, _address, "saving a plan") is { } mapped)
            {
                throw mapped;
            }
        }
    }

    internal BlobClient Blob(string name) => _container.GetBlobClient(name);

    internal static string BlobName(Guid tenantId) => $"{Plans}{tenantId:D}.json";

    internal static string RemovedName(Guid tenantId, string stamp) => $"{Plans}removed/{tenantId:D}.{stamp}.json";

    /// <summary>The blob's text and ETag; null when it does not exist.</summary>
    internal Downloaded? Download(BlobClient blob, string what)
    {
        try
        {
            var result = blob.DownloadContent().Value;
            return new Downloaded(result.Content.ToString(), result.Details.ETag);
        }
        catch (RequestFailedException ex) when (BlobCalls.IsNotFound(ex, "BlobNotFound"))
        {
            return null;
        }
        catch (Exception ex) when (BlobCalls.Map(ex, _address, what) is { } mapped)
        {
            throw mapped;
        }
    }

    private T Call<T>(string what, Func<T> call)
    {
        try { return call(); }
        catch (Exception ex) when (BlobCalls.Map(ex, _address, what) is { } mapped) { throw mapped; }
    }

    internal sealed class Downloaded
    {
        public Downloaded(string text, ETag etag)
        {
            Text = text;
            ETag = etag;
        }

        public string Text { get; }
        public ETag ETag { get; }
    }
}
