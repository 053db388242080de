using System.Runtime.CompilerServices;
using FastTrack.Core.Workspaces;

namespace FastTrack.Core.Stores;

/// <summary>The storage of a workspace: its folder, or its blob container. The blob parts are made in methods of
/// their own, never inlined, so that only a workspace that is a container loads Azure.Storage (importing the
/// module, or working in a folder, does not).</summary>
public static class WorkspaceStorage
{
    public static IPlanStorage Plans(Workspace workspace) =>
        workspace.Blob is { } address ? BlobPlans(address) : new FolderPlanStorage(workspace);

    /// <summary>How runners share out the plans (<see cref="IRunClaims"/>).</summary>
    public static IRunClaims RunClaims(Workspace workspace) =>
        workspace.Blob is { } address ? BlobClaims(address) : new FolderRunClaims(workspace);

    /// <summary>Where a container keeps its reports for every runner; null for a folder (its cache folder is shared as it is).</summary>
    public static IReportCacheShare? ReportCacheShare(Workspace workspace) =>
        workspace.Blob is { } address ? BlobReports(address) : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IReportCacheShare BlobReports(BlobContainerAddress address) => new BlobReportCacheShare(address, BlobContainers.Get(address));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IPlanStorage BlobPlans(BlobContainerAddress address) => new BlobPlanStorage(address, BlobContainers.Get(address));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IRunClaims BlobClaims(BlobContainerAddress address) =>
        new BlobRunClaims(address, BlobContainers.Get(address), RunClaimLease.Duration);
}
