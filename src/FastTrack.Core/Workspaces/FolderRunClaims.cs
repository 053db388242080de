using System;
using System.IO;

namespace FastTrack.Core.Workspaces;

/// <summary>Run claims in a folder: an exclusive lock file per plan (<c>plans/&lt;tenant&gt;.run.lock</c>), held while the
/// plan runs. The operating system releases it the moment its holder dies, so no heartbeat is needed: a killed
/// runner's plans are free at once. It holds across processes of one machine, and across machines only as far as
/// the file server enforces locks (SMB does; NFS often does not): for runners on several machines, use a
/// workspace in Azure Blob Storage.</summary>
internal sealed class FolderRunClaims : IRunClaims
{
    private readonly Workspace _workspace;

    public FolderRunClaims(Workspace workspace) => _workspace = workspace;

    public IRunClaim? TryClaim(Guid tenantId)
    {
        OwnerOnlyPermissions.CreateDirectory(_workspace.Root);
        OwnerOnlyPermissions.CreateDirectory(_workspace.PlansDirectory);
        var held = FileLock.TryAcquire(Path.Combine(_workspace.PlansDirectory, $"{tenantId:D}.run.lock"));
        return held is null ? null : new Claim(held);
    }

    public void Dispose() { } // each claim is its own lock, released with it

    private sealed class Claim : IRunClaim
    {
        private readonly FileLock _lock;

        public Claim(FileLock held) => _lock = held;

        public bool Renew() => true; // an OS lock lasts as long as its holder

        public void Dispose() => _lock.Dispose();
    }
}
