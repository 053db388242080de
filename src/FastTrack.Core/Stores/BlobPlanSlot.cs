using System;
using Azure;
using Azure.Storage.Blobs.Models;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Stores;

/// <summary>One attempt at changing a plan blob. Every write is conditional on what this attempt read, so a writer
/// that got there first makes it throw 412 (<see cref="BlobPlanStorage.Change{T}"/> then tries again). The backup
/// is conditional too, on the backup this attempt saw: a stalled writer can never put an older version back over
/// a newer backup.</summary>
internal sealed class BlobPlanSlot : IPlanSlot
{
    private static readonly BlobHttpHeaders s_json = new() { ContentType = "application/json; charset=utf-8" };
    private readonly BlobPlanStorage _storage;
    private readonly Guid _tenantId;
    private BlobPlanStorage.Downloaded? _current;
    private bool _read;

    public BlobPlanSlot(BlobPlanStorage storage, Guid tenantId)
    {
        _storage = storage;
        _tenantId = tenantId;
    }

    public string? Text => Current?.Text;

    private BlobPlanStorage.Downloaded? Current
    {
        get
        {
            if (!_read)
            {
                _current = _storage.Download(_storage.Blob(BlobPlanStorage.BlobName(_tenantId)), "reading a plan");
                _read = true;
            }
            return _current;
        }
    }

    public void Write(string text)
    {
        var plan = _storage.Blob(BlobPlanStorage.BlobName(_tenantId));
        if (Current is { } previous)
        {
            var backup = _storage.Blob(BlobPlanStorage.BlobName(_tenantId) + ".bak");
            Upload(backup, previous.Text, BackupCondition(backup));
            Upload(plan, text, new BlobRequestConditions { IfMatch = previous.ETag });
        }
        else
        {
            Upload(plan, text, new BlobRequestConditions { IfNoneMatch = ETag.All });
        }
    }

    public void Archive(string stamp)
    {
        var previous = Current ?? throw new InvalidOperationException("Archive reads the plan first");
        Upload(_storage.Blob(BlobPlanStorage.RemovedName(_tenantId, stamp)), previous.Text, new BlobRequestConditions { IfNoneMatch = ETag.All });
        _storage.Blob(BlobPlanStorage.BlobName(_tenantId)).Delete(DeleteSnapshotsOption.None, new BlobRequestConditions { IfMatch = previous.ETag });
    }

    private static BlobRequestConditions BackupCondition(Azure.Storage.Blobs.BlobClient backup)
    {
        try
        {
            return new BlobRequestConditions { IfMatch = backup.GetProperties().Value.ETag };
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return new BlobRequestConditions { IfNoneMatch = ETag.All };
        }
    }

    // One PUT: below the client's single-upload threshold (256 MiB) a blob is committed whole or not at all.
    private static void Upload(Azure.Storage.Blobs.BlobClient blob, string text, BlobRequestConditions conditions) =>
        blob.Upload(BinaryData.FromString(text), new BlobUploadOptions { Conditions = conditions, HttpHeaders = s_json });
}
