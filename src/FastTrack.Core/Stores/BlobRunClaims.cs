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
/// lapses within the lease. The timer lives as long as the runner's claims: one invocation of the run.</summary>
internal sealed class BlobRunClaims : IRunClaims
{
    private readonly BlobContainerClient _container;
    private readonly BlobContainerAddress _address;
    private readonly TimeSpan _lease;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Claim, byte> _held = new();
    private Timer? _renewal;
    private int _renewing;

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
            var claim = new Claim(this, lease);
            Hold(claim);
            return claim;
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

    // One timer for every claim this runner holds, renewing them with async calls: a timer and a blocked thread per
    // claim starve a small machine's thread pool (the sync calls of the netstandard2.0 client wait on async ones).
    private void Hold(Claim claim)
    {
        _held[claim] = 0;
        lock (_held)
        {
            var every = TimeSpan.FromTicks(_lease.Ticks / 3);
            _renewal ??= new Timer(_ => RenewAll(), null, every, every);
        }
    }

    public void Dispose()
    {
        lock (_held) _renewal?.Dispose();
    }

    private async void RenewAll()
    {
        if (Interlocked.Exchange(ref _renewing, 1) == 1) return; // the last round is still out
        try
        {
            foreach (var claim in _held.Keys) await claim.RenewAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // RenewAsync keeps its own failures; nothing may escape an async void.
        }
        finally
        {
            Interlocked.Exchange(ref _renewing, 0);
        }
    }

    private sealed class Claim : IRunClaim
    {
        private readonly BlobRunClaims _owner;
        private readonly BlobLeaseClient _lease;
        private volatile bool _lost;
        private int _disposed;

        public Claim(BlobRunClaims owner, BlobLeaseClient lease)
        {
            _owner = owner;
            _lease = lease;
        }

        /// <summary>Renews now, before the run is saved: false when another runner took the plan or the renewal
        /// failed (then the run is not saved; the next run completes the plan if no runner did).</summary>
        public bool Renew()
        {
            if (_lost) return false;
            try
            {
                _lease.Renew();
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                _lost = true;
                return false;
            }
            catch (Exception)
            {
                return false;
            }
        }

        public async System.Threading.Tasks.Task RenewAsync()
        {
            if (_lost || Volatile.Read(ref _disposed) == 1) return;
            try
            {
                await _lease.RenewAsync().ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                _lost = true; // another runner holds it now
            }
            catch (Exception)
            {
                // The network hiccupped: the lease still runs; the next round, or the renewal before saving, decides.
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            _owner._held.TryRemove(this, out _);
            if (_lost) return;
            try { _lease.Release(); }
            catch (Exception) { } // it lapses on its own within the lease
        }
    }
}
