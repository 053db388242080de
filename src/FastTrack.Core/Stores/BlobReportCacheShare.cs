using System;
using System.Collections.Generic;
using System.IO;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Stores;

/// <summary>Reports kept under <c>cache/</c> in the workspace's container, beside the plans. Uploaded once whole (one
/// PUT up to the single-upload limit, blocks committed at once above it), never overwritten: the same report of
/// the same day is the same bytes whoever fetched it.</summary>
internal sealed class BlobReportCacheShare : IReportCacheShare
{
    private const string Prefix = "cache/";
    private readonly BlobContainerClient _container;
    private readonly BlobContainerAddress _address;

    public BlobReportCacheShare(BlobContainerAddress address, BlobContainerClient container)
    {
        _address = address;
        _container = container;
    }

    public bool TryFetch(string name, string localPath)
    {
        try
        {
            AtomicFile.Write(localPath, stream => _container.GetBlobClient(Prefix + name).DownloadTo(stream));
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
        catch (Exception ex) when (BlobCalls.Map(ex, _address, "reading the report cache") is { } mapped)
        {
            throw mapped;
        }
    }

    public IEnumerable<string> List(string prefix)
    {
        var names = new List<string>();
        try
        {
            foreach (var item in _container.GetBlobs(BlobTraits.None, BlobStates.None, Prefix + prefix, default))
                names.Add(item.Name.Substring(Prefix.Length));
        }
        catch (Exception ex) when (BlobCalls.Map(ex, _address, "listing the report cache") is { } mapped)
        {
            throw mapped;
        }
        return names;
    }

    public void Publish(string name, string localPath)
    {
        try
        {
            using var file = File.OpenRead(localPath);
            _container.GetBlobClient(Prefix + name).Upload(file, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" },
            });
        }
        catch (RequestFailedException ex) when (ex.Status == 409 || ex.Status == 412) { } // another runner shared it first
        catch (Exception ex) when (BlobCalls.Map(ex, _address, "sharing a report") is { } mapped)
        {
            throw mapped;
        }
    }
}
