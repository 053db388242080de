using System;
using System.Threading;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Stores;

/// <summary>Run claims in a container: a lease on <c>runs/&lt;tenant&gt;.claim</c> (an empty blob, never the plan itself, so
/// people and jobs can still change the plan while it runs). The lease lasts <see cref="RunClaimLease.Duration"/>
/// and is renewed every third of it while the runner works; a runner that dies stops renewing, and its claim
/// lapses within the lease.</summary>
internal sealed class BlobRunClaims : IRunClaims
{
    private readonly BlobContainerClient _container;
    private readonly BlobContainerAddress _address;
    private readonly TimeSpan _lease;

    public BlobRunClaims(BlobContainerAddress address, BlobContainerClient container, TimeSpan lease)
    {
        _address = address;
        _container = container;
        _lease = lease;
    }

    public IRunClaim? TryClaim(Guid tenantId)
    {
        var blob = _container.GetBlobClient($"runs/{tenantId:D}.claim");
        var lease = blob.GetBlobLeaseClient();
        try
        {
            try
            {
                lease.Acquire(_lease);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                CreateEmpty(blob);
                lease.Acquire(_lease);
            }
            return new Claim(lease, _lease);
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && ex.ErrorCode is "LeaseAlreadyPresent" or "LeaseIdMismatchWithLeaseOperation")
        {
            return null;
        }
        catch (Exception ex) when (BlobCalls.Map(ex, _address, "claiming a plan for this run") is { } mapped)
        {
            throw mapped;
        }
    }

    private static void CreateEmpty(BlobClient blob)
    {
        try
        {
            blob.Upload(BinaryData.FromString(""), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } });
        }
        catch (RequestFailedException ex) when (ex.Status == 409 || ex.Status == 412) { } // another runner made it first
    }

    private sealed class Claim : IRunClaim
    {
        private readonly BlobLeaseClient _lease;
        private readonly Timer _renewal;
        private readonly object _gate = new();
        private bool _lost;
        private bool _disposed;

        public Claim(BlobLeaseClient lease, TimeSpan duration)
        {
            _lease = lease;
            var every = TimeSpan.FromTicks(duration.Ticks / 3);
            _renewal = new Timer(_ => Renew(), null, every, every);
        }

        public bool Renew()
        {
            lock (_gate)
            {
                if (_disposed || _lost) return !_lost && !_disposed;
                try
                {
                    _lease.Renew();
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    _lost = true; // another runner holds it now
                }
                catch (Exception)
                {
                    // The network hiccupped: the lease still runs; the next renewal, or the one before saving, decides.
                    return false;
                }
                return !_lost;
            }
        }

        public void Dispose()
        {
            _renewal.Dispose();
            lock (_gate)
            {
                if (_disposed) return;
                _disposed = true;
                if (_lost) return;
                try { _lease.Release(); }
                catch (Exception) { } // it lapses on its own within the lease
            }
        }
    }
}
